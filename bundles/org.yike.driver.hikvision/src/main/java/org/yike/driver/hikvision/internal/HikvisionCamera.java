package org.yike.driver.hikvision.internal;

import static org.yike.driver.support.ConfigCheck.text;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.driver.support.Backoff;
import org.yike.driver.support.ConfigCheck;
import org.yike.driver.support.ConfiguredDevice;
import org.yike.driver.support.StreamWatch;
import org.yike.media.MediaRuntime;

/**
 * One Hikvision camera. A daemon thread asks ISAPI for the device information, then listens to
 * the alertStream and posts the mapped events; when either fails the camera is asked again after
 * 1 s, 2 s, 4 s… up to 60 s. Streams are opened by the recording engine from the RTSP URLs of
 * channels x01 (main) and x02 (sub); a {@link StreamWatch} probes and measures the main one. The
 * camera is ONLINE when ISAPI answers and its main stream opens.
 */
@Component(service = Device.class, configurationPid = HikvisionCamera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HikvisionCameraConfig.class, factory = true)
public class HikvisionCamera extends ConfiguredDevice {

    static final String PID = "org.yike.driver.hikvision.camera";
    private static final Logger LOG = LoggerFactory.getLogger(HikvisionCamera.class);

    private final boolean named;
    private final List<Source> sources;
    private final Map<String, ClassroomEvent.Type> events;
    private final EventAdmin eventAdmin;
    private final Isapi isapi;
    private final IsapiPtz ptz;
    private final Thread thread;
    private final StreamWatch watch;
    private volatile DeviceStatus status;
    private volatile String cameraName;
    private volatile boolean closed;

    @Activate
    public HikvisionCamera(HikvisionCameraConfig config, @Reference EventAdmin eventAdmin, @Reference MediaRuntime media) {
        super(HikvisionDriver.ID, config.id(), config.name(), config.classroom());
        this.eventAdmin = eventAdmin;
        named = !text(config.name()).isEmpty();
        String problem = problem(config);
        if (problem != null) {
            status = refused(problem);
            sources = List.of();
            events = Map.of();
            isapi = null;
            ptz = null;
            thread = null;
            watch = null;
            return;
        }
        sources = sources(config);
        events = ConfigCheck.events(config.events(), type -> type.toLowerCase(Locale.ROOT));
        Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
        isapi = new Isapi(text(config.host()), config.httpPort(), text(config.username()), config.password(), timeout);
        ptz = new IsapiPtz(isapi, config.channel());
        status = new DeviceStatus(DeviceStatus.State.CONNECTING, "asking " + text(config.host()) + ":" + config.httpPort());
        thread = new Thread(this::run, "yike-hikvision-" + id());
        thread.setDaemon(true);
        thread.start();
        watch = new StreamWatch("yike-hikvision-" + id() + "-stream", id(), sources.get(0).locator(),
                timeout.plus(StreamWatch.STREAM_INFO_TIME), Duration.ofSeconds(config.checkSeconds()), media).start();
    }

    @Deactivate
    void deactivate() {
        if (thread == null) return;
        closed = true;
        watch.close();
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
        return new ConfigCheck().device(c.id(), c.classroom(), c.role())
                .require(text(c.host()).matches("[A-Za-z0-9.-]+"), "host '" + text(c.host()) + "' must be a name or IPv4 address")
                .require(!text(c.username()).isEmpty(), "user is empty")
                .require(c.password() != null && !c.password().isEmpty(), "password is empty")
                .events(c.events(), "eventType").range("timeout", c.timeoutSeconds(), 1, 60, "s")
                .range("check every", c.checkSeconds(), 1, 3600, "s").problem();
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

    private void run() {
        Duration retry = Backoff.FIRST;
        while (!closed) {
            boolean answered = false;
            try {
                Isapi.DeviceInfo info = isapi.deviceInfo();
                cameraName = info.name();
                report(new DeviceStatus(DeviceStatus.State.ONLINE,
                        info.model() + ", serial " + info.serial() + ", firmware " + info.firmware()));
                retry = Backoff.FIRST;
                answered = true;
                isapi.alertStream(this::post);
            } catch (IOException | RuntimeException e) {
                if (closed) return;
                if (answered) {
                    // the camera answered; only its event push broke, so its pictures still count
                    LOG.info("Camera {}: events interrupted ({}); asking again in {} s", id(), e.getMessage(), retry.toSeconds());
                } else {
                    report(DeviceStatus.offline(String.valueOf(e.getMessage())));
                }
            }
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            retry = Backoff.after(retry);
        }
    }

    private void post(Isapi.Alert alert) {
        ClassroomEvent.Type type = events.get(alert.type().toLowerCase(Locale.ROOT));
        if (!alert.active() || type == null) return;
        ClassroomEvent e = new ClassroomEvent(type, classroom(), id(), "video", Instant.now(), null, null);
        eventAdmin.postEvent(new Event(e.topic(), e.properties()));
    }

    private void report(DeviceStatus answer) {
        if (answer.equals(status)) return;
        status = answer;
        if (answer.state() == DeviceStatus.State.ONLINE) {
            LOG.info("Camera {} is online: {}", id(), answer.reason());
        } else {
            LOG.warn("Camera {} is offline: {}", id(), answer.reason());
        }
    }

    /** The configured name, else the one the camera gives itself, else the id. */
    @Override
    public String name() {
        return named || cameraName == null || cameraName.isEmpty() ? super.name() : cameraName;
    }

    @Override
    public DeviceStatus status() {
        return watch == null ? status : StreamWatch.together(status, watch.status());
    }

    @Override
    public Optional<StreamFigures> figures(String sourceId) {
        return watch != null && sources.get(0).id().equals(sourceId) ? watch.figures() : Optional.empty();
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
