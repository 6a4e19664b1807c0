package org.yike.driver.skeleton.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaRuntime;

/**
 * One camera per factory configuration. The recording engine opens the source's stream itself;
 * the device only describes it and says, from a probe on its own thread, whether it would open.
 * A bad configuration makes an OFFLINE device with the reason, never an exception: DS would only
 * log that, and the API could not show it.
 */
@Component(configurationPid = SkeletonCamera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SkeletonConfig.class, factory = true)
public class SkeletonCamera implements Device {

    static final String PID = "org.yike.driver.skeleton.camera";
    private static final Logger LOG = LoggerFactory.getLogger(SkeletonCamera.class);
    private static final Duration PROBE_TIME = Duration.ofSeconds(5);

    private final SkeletonConfig config;
    private final MediaRuntime media;
    private final List<Source> sources;
    private final ScheduledExecutorService checks;
    private volatile DeviceStatus status;

    @Activate
    public SkeletonCamera(SkeletonConfig config, @Reference MediaRuntime media) {
        this.config = config;
        this.media = media;
        String problem = problem(config);
        if (problem != null) {
            LOG.error("Camera {}: configuration refused: {}", config.id(), problem);
            status = DeviceStatus.offline("configuration: " + problem);
            sources = List.of();
            checks = null;
            return;
        }
        StreamLocator locator = new StreamLocator(config.url().trim(), config.format().isBlank() ? null : config.format(),
                Map.of());
        sources = List.of(new Source(config.id(), "video", name(), Role.TEACHER_CLOSEUP, locator));
        status = new DeviceStatus(DeviceStatus.State.CONNECTING, "asking " + locator.redacted());
        // the thread's name is how the conformance kit sees that deactivate stopped it
        checks = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "yike-skeleton-" + config.id()));
        checks.scheduleWithFixedDelay(() -> check(locator), 0, config.checkSeconds(), TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (checks == null) return;
        checks.shutdownNow(); // interrupts a probe under way
        checks.awaitTermination(2, TimeUnit.SECONDS);
    }

    /** What is wrong with a configuration, in words that never quote a password, or {@code null}. */
    static String problem(SkeletonConfig c) {
        if (c.id() == null || !c.id().matches("[A-Za-z0-9._-]+")) return "id must be letters, digits, . _ -";
        if (c.classroom() == null || c.classroom().isBlank()) return "classroom is empty";
        if (c.url() == null || c.url().isBlank()) return "url is empty";
        return null;
    }

    private void check(StreamLocator locator) {
        DeviceStatus now;
        try {
            now = media.probe(locator, PROBE_TIME).video().isPresent() ? DeviceStatus.online()
                    : DeviceStatus.offline("the stream has no picture");
        } catch (IOException e) {
            now = DeviceStatus.offline(e.getMessage()); // FFmpeg's reason, without the URL
        }
        if (!now.equals(status)) LOG.info("Camera {} is {}", config.id(), now);
        status = now;
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public String name() {
        return config.name().isBlank() ? config.id() : config.name();
    }

    @Override
    public String driver() {
        return SkeletonDriver.ID;
    }

    @Override
    public String classroom() {
        return config.classroom();
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public List<Source> sources() {
        return sources;
    }
}
