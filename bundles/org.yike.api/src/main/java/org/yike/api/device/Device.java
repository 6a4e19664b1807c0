package org.yike.api.device;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A camera, microphone or screen in a classroom, registered as an OSGi service by its driver.
 * Devices report failure through {@link #status()}; they do not throw for a source that is down.
 * Events a device detects ("student stood up") are posted through EventAdmin as {@link ClassroomEvent}s.
 */
@ConsumerType
public interface Device {

    String id();

    String name();

    /** The {@link DeviceDriver#id()} of the driver that made this device. */
    String driver();

    String classroom();

    DeviceStatus status();

    List<Source> sources();

    default Optional<Ptz> ptz() {
        return Optional.empty();
    }

    /** The latest measured figures of the source with this {@link Source#id()}, where the driver measures them. */
    default Optional<StreamFigures> figures(String sourceId) {
        return Optional.empty();
    }
}
