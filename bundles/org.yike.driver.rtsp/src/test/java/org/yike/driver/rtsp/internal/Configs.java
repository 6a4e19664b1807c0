package org.yike.driver.rtsp.internal;

import java.util.HashMap;
import java.util.Map;

import org.yike.kit.driver.ComponentConfig;

/** A camera configuration with a valid base, these attributes set or replaced, the rest at their defaults. */
final class Configs {

    private Configs() {
    }

    static RtspCameraConfig of(Object... attributes) {
        Map<String, Object> values = new HashMap<>(Map.of("id", "cam1", "classroom", "301", "role", "teacher",
                "url", "rtsp://192.168.1.64:554/Streaming/Channels/101"));
        for (int i = 0; i < attributes.length; i += 2) values.put((String) attributes[i], attributes[i + 1]);
        return ComponentConfig.of(RtspCameraConfig.class, values);
    }
}
