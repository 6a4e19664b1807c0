package org.yike.driver.support;

import java.util.List;
import java.util.Optional;

import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Source;

/**
 * A configured device whose state its {@link DeviceWatch} tells. A device whose configuration has a
 * problem is OFFLINE with it, has no sources and watches nothing; any other gives its sources and
 * starts its watch in its constructor ({@link #watch}). Its {@code @Deactivate} method calls
 * {@link #stopWatching}.
 */
public abstract class WatchedDevice<W extends DeviceWatch> extends ConfiguredDevice {

    private final DeviceStatus refused;
    private volatile List<Source> sources = List.of();
    private volatile W watch;

    /** @param problem what is wrong with the configuration, {@code null} where nothing is */
    protected WatchedDevice(String driver, String id, String name, String classroom, String problem) {
        super(driver, id, name, classroom);
        this.refused = problem == null ? null : refused(problem);
    }

    /** Whether the configuration was refused: then the device watches nothing. */
    protected final boolean isRefused() {
        return refused != null;
    }

    /** The device's sources, and the started watch that tells its state from now on. */
    protected final void watch(List<Source> sources, W watch) {
        this.sources = List.copyOf(sources);
        this.watch = watch;
    }

    /** The watch; none for a refused configuration. */
    protected final Optional<W> watch() {
        return Optional.ofNullable(watch);
    }

    protected final void stopWatching() {
        if (watch != null) watch.close();
    }

    @Override
    public DeviceStatus status() {
        W w = watch;
        return w == null ? refused : w.status();
    }

    @Override
    public List<Source> sources() {
        return sources;
    }
}
