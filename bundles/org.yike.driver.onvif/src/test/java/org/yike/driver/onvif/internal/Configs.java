package org.yike.driver.onvif.internal;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;

import org.yike.kit.driver.ComponentConfig;

/** A configuration of {@code type} with these attributes set, the rest at their defaults, as DS would give it. */
final class Configs {

    private Configs() {
    }

    static <T extends Annotation> T of(Class<T> type, Map<String, Object> base, Object... attributes) {
        Map<String, Object> values = new HashMap<>(base);
        for (int i = 0; i < attributes.length; i += 2) values.put((String) attributes[i], attributes[i + 1]);
        return ComponentConfig.of(type, values);
    }

    static OnvifCameraConfig camera(String url, Object... attributes) {
        return of(OnvifCameraConfig.class, Map.of("id", "cam1", "classroom", "301", "role", "teacher", "url", url,
                "username", "admin", "password", "9999", "timeoutSeconds", 2), attributes);
    }
}
