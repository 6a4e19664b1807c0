package org.yike.driver.skeleton.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.driver.support.ConfigCheck;
import org.yike.driver.support.ConfiguredDevice;
import org.yike.driver.support.StreamWatch;
import org.yike.media.MediaRuntime;

/**
 * One camera per factory configuration. The recording engine opens the source's stream itself;
 * the device only describes it and says, from a {@link StreamWatch} on its own thread, whether it
 * would open and what it measured (pictures per second, bitrate). A bad configuration makes an
 * OFFLINE device with the reason, never an exception: DS would only log that, and the API could
 * not show it.
 */
@Component(service = Device.class, configurationPid = SkeletonCamera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SkeletonConfig.class, factory = true)
public class SkeletonCamera extends ConfiguredDevice {

    static final String PID = "org.yike.driver.skeleton.camera";
    private static final Duration PROBE_TIME = Duration.ofSeconds(5);

    private final List<Source> sources;
    private final DeviceStatus refused;
    private final StreamWatch watch;

    @Activate
    public SkeletonCamera(SkeletonConfig config, @Reference MediaRuntime media) {
        super(SkeletonDriver.ID, config.id(), config.name(), config.classroom());
        String problem = new ConfigCheck().device(config.id(), config.classroom(), "teacher")
                .require(!ConfigCheck.text(config.url()).isEmpty(), "url is empty")
                .range("check every", config.checkSeconds(), 1, 3600, "s").problem();
        if (problem != null) {
            refused = refused(problem);
            sources = List.of();
            watch = null;
            return;
        }
        StreamLocator locator = new StreamLocator(config.url().trim(), config.format().isBlank() ? null : config.format(),
                Map.of());
        sources = List.of(new Source(id(), "video", name(), Role.TEACHER_CLOSEUP, locator));
        refused = null;
        // the thread's name is how the conformance kit sees that deactivate stopped it
        watch = new StreamWatch("yike-skeleton-" + id(), id(), locator, PROBE_TIME,
                Duration.ofSeconds(config.checkSeconds()), media).start();
    }

    @Deactivate
    void deactivate() {
        if (watch != null) watch.close(); // interrupts a probe under way
    }

    @Override
    public DeviceStatus status() {
        return watch == null ? refused : watch.status();
    }

    @Override
    public List<Source> sources() {
        return sources;
    }

    @Override
    public Optional<StreamFigures> figures(String sourceId) {
        return watch != null && "video".equals(sourceId) ? watch.figures() : Optional.empty();
    }
}
