package org.yike.driver.onvif.internal;

import static org.yike.driver.support.ConfigCheck.raw;
import static org.yike.driver.support.ConfigCheck.text;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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
import org.yike.api.device.StreamFigures;
import org.yike.driver.support.ConfigCheck;
import org.yike.driver.support.ConfiguredDevice;
import org.yike.driver.support.StreamWatch;
import org.yike.media.MediaRuntime;

/**
 * One ONVIF camera: its main stream is the device's picture (RTSP, with the credentials put into
 * the URL as for any network camera), its PTZ is the device's, and its analytics events become
 * classroom events by the configured topic mapping.
 */
@Component(service = Device.class, configurationPid = OnvifCamera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OnvifCameraConfig.class, factory = true)
public class OnvifCamera extends ConfiguredDevice {

    static final String PID = "org.yike.driver.onvif.camera";
    private static final Logger LOG = LoggerFactory.getLogger(OnvifCamera.class);

    private final DeviceStatus refused;
    private final CameraLink link;

    @Activate
    public OnvifCamera(OnvifCameraConfig config, @Reference EventAdmin eventAdmin, @Reference MediaRuntime media) {
        this(config, e -> eventAdmin.postEvent(new Event(e.topic(), e.properties())), media);
    }

    OnvifCamera(OnvifCameraConfig config, Consumer<ClassroomEvent> events, MediaRuntime media) {
        super(OnvifDriver.ID, config.id(), config.name(), config.classroom());
        String problem = problem(config);
        if (problem != null) {
            refused = refused(problem);
            link = null;
            return;
        }
        refused = null;
        link = new CameraLink(id(), name(), classroom(), Role.named(config.role()), URI.create(text(config.url())),
                raw(config.username()), raw(config.password()), Duration.ofSeconds(config.timeoutSeconds()),
                topics(config.events()), events, Duration.ofSeconds(config.checkSeconds()), media);
        link.start();
    }

    @Deactivate
    void deactivate() {
        if (link != null) link.close();
    }

    /** What is wrong with a configuration, in words that never quote the password, or {@code null}. */
    static String problem(OnvifCameraConfig c) {
        ConfigCheck check = new ConfigCheck().device(c.id(), c.classroom(), c.role());
        URI uri = check.url(c.url());
        if (uri != null) {
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            check.require(http, "url must be the camera's device service, http://host/onvif/device_service")
                    .require(!http || uri.getHost() != null, "url names no host")
                    .require(!http || uri.getHost() == null || uri.getRawUserInfo() == null,
                            "url must not hold credentials: user and password have their own fields");
        }
        return check.credentials(c.username(), c.password()).range("timeout", c.timeoutSeconds(), 1, 60, "s")
                .range("check every", c.checkSeconds(), 1, 3600, "s").events(c.events(), "topic").problem();
    }

    /** The configured topics (namespace prefixes dropped, as the camera's are) and the events they make. */
    static Map<String, ClassroomEvent.Type> topics(String[] entries) {
        return ConfigCheck.events(entries, OnvifClient::topic);
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
    public Optional<StreamFigures> figures(String sourceId) {
        return link != null && "video".equals(sourceId) ? link.figures() : Optional.empty();
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
                LOG.warn("ONVIF camera {}: {} ignored: the camera is {}", id(), what, link.status());
                return;
            }
            try {
                call.on(client, client.profiles().get(0).token());
            } catch (IOException e) {
                // the camera's refusal or a lost connection, as the link's state tells: the message, the trace at DEBUG
                LOG.warn("ONVIF camera {}: {} failed: {}", id(), what, e.getMessage());
                LOG.debug("ONVIF camera {}: {} failed", id(), what, e);
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
