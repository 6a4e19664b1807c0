package org.yike.driver.hikvision.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
import org.yike.api.device.StreamLocator;

/**
 * One Hikvision camera. A daemon thread asks ISAPI for the device information (its answer is the
 * state), then listens to the alertStream and posts the mapped events; when either fails the
 * camera is asked again after 1 s, 2 s, 4 s… up to 60 s. Streams are opened by the recording
 * engine from the RTSP URLs of channels x01 (main) and x02 (sub).
 */
@Component(service = Device.class, configurationPid = HikvisionCamera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HikvisionCameraConfig.class, factory = true)
public class HikvisionCamera implements Device {

    static final String PID = "org.yike.driver.hikvision.camera";
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(HikvisionCamera.class);

    private final String id;
    private final String configuredName;
    private final String classroom;
    private final List<Source> sources;
    private final Map<String, ClassroomEvent.Type> events;
    private final EventAdmin eventAdmin;
    private final Isapi isapi;
    private final IsapiPtz ptz;
    private final Thread thread;
    private volatile DeviceStatus status;
    private volatile String cameraName;
    private volatile boolean closed;

    @Activate
    public HikvisionCamera(HikvisionCameraConfig config, @Reference EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
        id = text(config.id());
        configuredName = text(config.name());
        classroom = text(config.classroom());
        String problem = problem(config);
        if (problem != null) {
            LOG.error("Camera {}: configuration refused: {}", id, problem);
            status = DeviceStatus.offline("configuration: " + problem);
            sources = List.of();
            events = Map.of();
            isapi = null;
            ptz = null;
            thread = null;
            return;
        }
        sources = sources(config);
        events = events(config.events());
        Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
        isapi = new Isapi(text(config.host()), config.httpPort(), text(config.username()), config.password(), timeout);
        ptz = new IsapiPtz(isapi, config.channel());
        status = new DeviceStatus(DeviceStatus.State.CONNECTING, "asking " + text(config.host()) + ":" + config.httpPort());
        thread = new Thread(this::run, "yike-hikvision-" + id);
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() {
        if (thread == null) return;
        closed = true;
        isapi.close();
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What is wrong with a configuration, in words that never quote the password, or {@code null}. */
    static String problem(HikvisionCameraConfig c) {
        List<String> p = new ArrayList<>();
        if (!text(c.id()).matches("[A-Za-z0-9._-]+")) p.add("id '" + text(c.id()) + "' must be letters, digits, . _ -");
        if (text(c.classroom()).isEmpty()) p.add("classroom is empty");
        if (Role.named(c.role()) == null) p.add("role '" + text(c.role()) + "' is not a camera's role");
        if (!text(c.host()).matches("[A-Za-z0-9.-]+")) p.add("host '" + text(c.host()) + "' must be a name or IPv4 address");
        if (text(c.username()).isEmpty()) p.add("user is empty");
        if (c.password() == null || c.password().isEmpty()) p.add("password is empty");
        for (String e : c.events() == null ? new String[0] : c.events()) {
            if (event(e) == null) p.add("event mapping '" + e + "' must be eventType=" + String.join("|", types()));
        }
        return p.isEmpty() ? null : String.join("; ", p);
    }

    private static List<Source> sources(HikvisionCameraConfig c) {
        Role role = Role.named(c.role());
        String name = text(c.name()).isEmpty() ? text(c.id()) : text(c.name());
        return List.of(new Source(text(c.id()), "video", name, role, locator(c, "01")),
                new Source(text(c.id()), "video-sub", name + " (sub stream)", role, locator(c, "02")));
    }

    /** ISAPI's RTSP path: channel 1's main stream is 101, its sub stream 102. */
    static StreamLocator locator(HikvisionCameraConfig c, String stream) {
        String micros = Long.toString(Duration.ofSeconds(c.timeoutSeconds()).toNanos() / 1000);
        return new StreamLocator(StreamLocator.withCredentials("rtsp://" + text(c.host()) + ":" + c.rtspPort()
                + "/Streaming/Channels/" + c.channel() + stream, text(c.username()), c.password()), null,
                Map.of("rtsp_transport", "tcp", "timeout", micros));
    }

    private static Map<String, ClassroomEvent.Type> events(String[] mappings) {
        Map<String, ClassroomEvent.Type> m = new HashMap<>();
        for (String e : mappings == null ? new String[0] : mappings) {
            Map.Entry<String, ClassroomEvent.Type> entry = event(e);
            m.put(entry.getKey(), entry.getValue());
        }
        return m;
    }

    /** {@code VMD=TEACHER_MOVED} as (lower-case event type, Yike event), or {@code null}. */
    private static Map.Entry<String, ClassroomEvent.Type> event(String mapping) {
        String[] kv = text(mapping).split("=", 2);
        if (kv.length < 2 || kv[0].isBlank()) return null;
        for (ClassroomEvent.Type t : ClassroomEvent.Type.values()) {
            if (t.name().equalsIgnoreCase(kv[1].trim())) return Map.entry(kv[0].trim().toLowerCase(Locale.ROOT), t);
        }
        return null;
    }

    private static List<String> types() {
        return Arrays.stream(ClassroomEvent.Type.values()).map(Enum::name).toList();
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        while (!closed) {
            boolean answered = false;
            try {
                Isapi.DeviceInfo info = isapi.deviceInfo();
                cameraName = info.name();
                report(new DeviceStatus(DeviceStatus.State.ONLINE,
                        info.model() + ", serial " + info.serial() + ", firmware " + info.firmware()));
                retry = FIRST_RETRY;
                answered = true;
                isapi.alertStream(this::post);
            } catch (IOException | RuntimeException e) {
                if (closed) return;
                if (answered) {
                    // the camera answered; only its event push broke, so its pictures still count
                    LOG.info("Camera {}: events interrupted ({}); asking again in {} s", id, e.getMessage(), retry.toSeconds());
                } else {
                    report(DeviceStatus.offline(String.valueOf(e.getMessage())));
                }
            }
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
        }
    }

    private void post(Isapi.Alert alert) {
        ClassroomEvent.Type type = events.get(alert.type().toLowerCase(Locale.ROOT));
        if (!alert.active() || type == null) return;
        ClassroomEvent e = new ClassroomEvent(type, classroom, id, "video", Instant.now(), null, null);
        eventAdmin.postEvent(new Event(e.topic(), e.properties()));
    }

    private void report(DeviceStatus answer) {
        if (answer.equals(status)) return;
        status = answer;
        if (answer.state() == DeviceStatus.State.ONLINE) {
            LOG.info("Camera {} is online: {}", id, answer.reason());
        } else {
            LOG.warn("Camera {} is offline: {}", id, answer.reason());
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    @Override
    public String id() {
        return id;
    }

    /** The configured name, else the one the camera gives itself, else the id. */
    @Override
    public String name() {
        if (!configuredName.isEmpty()) return configuredName;
        return cameraName == null || cameraName.isEmpty() ? id : cameraName;
    }

    @Override
    public String driver() {
        return HikvisionDriver.ID;
    }

    @Override
    public String classroom() {
        return classroom;
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public List<Source> sources() {
        return sources;
    }

    @Override
    public Optional<Ptz> ptz() {
        return Optional.ofNullable(ptz);
    }
}
