package org.yike.driver.onvif.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A configuration of {@code type} with these attributes set, the rest at their defaults, as DS would give it. */
final class Configs {

    private Configs() {
    }

    static <T> T of(Class<T> type, Map<String, Object> base, Object... attributes) {
        Map<String, Object> values = new HashMap<>(base);
        for (int i = 0; i < attributes.length; i += 2) values.put((String) attributes[i], attributes[i + 1]);
        return type.cast(Proxy.newProxyInstance(Configs.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue()));
    }

    static OnvifCameraConfig camera(String url, Object... attributes) {
        return of(OnvifCameraConfig.class, Map.of("id", "cam1", "classroom", "301", "role", "teacher", "url", url,
                "username", "admin", "password", "9999", "timeoutSeconds", 2), attributes);
    }
}
