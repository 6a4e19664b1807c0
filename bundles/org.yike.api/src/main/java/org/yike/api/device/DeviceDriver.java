package org.yike.api.device;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One protocol or vendor. A driver creates a {@link Device} service for each configuration made
 * under {@link #factoryPid()} (ConfigAdmin factory configuration, described by Metatype), and may
 * find devices on the network so that a person only has to adopt one.
 */
@ConsumerType
public interface DeviceDriver {

    /** Short stable name, e.g. {@code virtual}, {@code rtsp}, {@code onvif}. */
    String id();

    String name();

    /** The ConfigAdmin factory PID whose configurations become devices of this driver. */
    String factoryPid();

    /** Devices this driver can see right now, each with the configuration that would adopt it. */
    default List<Discovered> discover(Duration timeout) {
        return List.of();
    }

    record Discovered(String name, Map<String, Object> configuration) {
        public Discovered {
            configuration = Map.copyOf(configuration);
        }
    }
}
