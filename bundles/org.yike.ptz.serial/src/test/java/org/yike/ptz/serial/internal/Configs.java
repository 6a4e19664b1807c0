package org.yike.ptz.serial.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A configuration with these attributes, the rest at their defaults. */
final class Configs {

    private Configs() {
    }

    static ProtocolPtzConfig of(Object... attributes) {
        Map<String, Object> values = new HashMap<>(Map.of("deviceId", "cam1", "host", "127.0.0.1"));
        for (int i = 0; i < attributes.length; i += 2) values.put((String) attributes[i], attributes[i + 1]);
        return (ProtocolPtzConfig) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {ProtocolPtzConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }
}
