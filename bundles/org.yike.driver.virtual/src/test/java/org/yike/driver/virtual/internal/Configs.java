package org.yike.driver.virtual.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation instance with some attributes set, the rest at their defaults. */
final class Configs {

    private Configs() {
    }

    static VirtualClassroomConfig of(Map<String, Object> values) {
        return (VirtualClassroomConfig) Proxy.newProxyInstance(Configs.class.getClassLoader(),
                new Class<?>[] {VirtualClassroomConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }
}
