package org.yike.driver.onvif.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Ptz;
import org.yike.api.device.Role;
import org.yike.api.device.Source;

/**
 * One ONVIF camera: its main stream is the device's picture (RTSP, with the credentials put into
 * the URL as for any network camera), its PTZ is the device's, and its analytics events become
 * classroom events by the configured topic mapping.
 */
@Component(configurationPid = OnvifCamera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OnvifCameraConfig.class, factory = true)
public class OnvifCamera implements Device {

    static final String PID = "org.yike.driver.onvif.camera";
    private static final Logger LOG = LoggerFactory.getLogger(OnvifCamera.class);

    private final String id;
    private final String name;
    private final String classroom;
    private final DeviceStatus refused;
    private final CameraLink link;

    @Activate
    public OnvifCamera(OnvifCameraConfig config, @Reference EventAdmin eventAdmin) {
        this(config, e -> eventAdmin.postEvent(new Event(e.topic(), e.properties())));
    }

    OnvifCamera(OnvifCameraConfig config, Consumer<ClassroomEvent> events) {
        id = text(config.id());
        name = text(config.name()).isEmpty() ? id : text(config.name());
        classroom = text(config.classroom());
        String problem = problem(config);
        if (problem != null) {
            LOG.error("ONVIF camera {}: configuration refused: {}", id, problem);
            refused = DeviceStatus.offline("configuration: " + problem);
            link = null;
            return;
        }
        refused = null;
        link = new CameraLink(id, name, classroom, Role.named(config.role()), URI.create(text(config.url())),
                raw(config.username()), raw(config.password()), Duration.ofSeconds(config.timeoutSeconds()),
                topics(config.events()), events);
        link.start();
    }

    @Deactivate
    void deactivate() {
        if (link != null) link.close();
    }

    /** What is wrong with a configuration, in words that never quote the password, or {@code null}. */
    static String problem(OnvifCameraConfig c) {
        List<String> p = new ArrayList<>();
        if (!text(c.id()).matches("[A-Za-z0-9._-]+")) p.add("id '" + text(c.id()) + "' must be letters, digits, . _ -");
        if (text(c.classroom()).isEmpty()) p.add("classroom is empty");
        if (Role.named(c.role()) == null) {
            p.add("role '" + text(c.role()) + "' must be one of " + String.join(", ", Role.OPTIONS));
        }
        String url = urlProblem(text(c.url()));
        if (url != null) p.add(url);
        if (raw(c.username()).isEmpty() && !raw(c.password()).isEmpty()) p.add("a password needs a username");
        if (c.timeoutSeconds() < 1 || c.timeoutSeconds() > 60) p.add("timeout " + c.timeoutSeconds() + " s must be 1..60");
        for (String entry : c.events() == null ? new String[0] : c.events()) {
            if (mapping(entry) == null) {
                p.add("event mapping '" + entry + "' must be topic=" + String.join("|", types()));
            }
        }
        return p.isEmpty() ? null : String.join("; ", p);
    }

    private static String urlProblem(String url) {
        if (url.isEmpty()) return "url is empty";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "url is not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return "url must be the camera's device service, http://host/onvif/device_service";
        }
        if (uri.getHost() == null) return "url names no host";
        if (uri.getRawUserInfo() != null) return "url must not hold credentials: user and password have their own fields";
        return null;
    }

    /** {@code RuleEngine/CellMotionDetector/Motion=TEACHER_MOVED} as topic and type, or {@code null}. */
    private static Map.Entry<String, ClassroomEvent.Type> mapping(String entry) {
        int eq = entry == null ? -1 : entry.lastIndexOf('=');
        if (eq <= 0) return null;
        try {
            return Map.entry(OnvifClient.topic(entry.substring(0, eq)), ClassroomEvent.Type.valueOf(entry.substring(eq + 1).trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The configured topics (namespace prefixes dropped, as the camera's are) and the events they make. */
    static Map<String, ClassroomEvent.Type> topics(String[] entries) {
        Map<String, ClassroomEvent.Type> topics = new LinkedHashMap<>();
        for (String entry : entries == null ? new String[0] : entries) {
            Map.Entry<String, ClassroomEvent.Type> m = mapping(entry);
            topics.put(m.getKey(), m.getValue());
        }
        return topics;
    }

    private static List<String> types() {
        List<String> types = new ArrayList<>();
        for (ClassroomEvent.Type t : ClassroomEvent.Type.values()) types.add(t.name());
        return types;
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    /** A user name or password as given: spaces may belong to it. */
    private static String raw(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String driver() {
        return OnvifDriver.ID;
    }

    @Override
    public String classroom() {
        return classroom;
    }

    @Override
    public DeviceStatus status() {
        return link == null ? refused : link.status();
    }

    /** The main stream once the camera has named it; none before. */
    @Override
    public List<Source> sources() {
        CameraLink.Streams s = link == null ? null : link.streams();
        return s == null ? List.of() : List.of(s.main());
    }

    @Override
    public Optional<Ptz> ptz() {
        return link == null || link.ptz() == null ? Optional.empty() : Optional.of(new OnvifPtz());
    }

    /** PTZ of the main profile; a camera's refusal is logged, as Ptz's callers cannot act on it. */
    private final class OnvifPtz implements Ptz {

        private interface Call {
            void on(OnvifClient client, String profile) throws IOException;
        }

        private void call(String what, Call call) {
            OnvifClient client = link.ptz();
            if (client == null) {
                LOG.warn("ONVIF camera {}: {} ignored: the camera is {}", id, what, link.status());
                return;
            }
            try {
                call.on(client, client.profiles().get(0).token());
            } catch (IOException e) {
                LOG.warn("ONVIF camera {}: {} failed: {}", id, what, e.getMessage());
            }
        }

        @Override
        public void move(double panSpeed, double tiltSpeed, double zoomSpeed) {
            call("move", (c, p) -> c.continuousMove(p, panSpeed, tiltSpeed, zoomSpeed));
        }

        @Override
        public void stop() {
            call("stop", OnvifClient::stop);
        }

        @Override
        public void moveTo(double pan, double tilt, double zoom) {
            call("move to", (c, p) -> c.absoluteMove(p, pan, tilt, zoom));
        }

        @Override
        public List<String> presets() {
            List<String> names = new ArrayList<>();
            call("list presets", (c, p) -> names.addAll(c.presets(p).values()));
            return names;
        }

        /** By the preset's name, as {@link #presets()} lists them, or its token. */
        @Override
        public void gotoPreset(String preset) {
            call("go to preset " + preset, (c, p) -> {
                String token = preset;
                for (Map.Entry<String, String> e : c.presets(p).entrySet()) {
                    if (e.getValue().equals(preset)) token = e.getKey();
                }
                c.gotoPreset(p, token);
            });
        }
    }
}
