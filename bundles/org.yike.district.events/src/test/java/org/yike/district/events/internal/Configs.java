package org.yike.district.events.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration annotation's instance for a test: the values given, the others their defaults. */
final class Configs {

    private Configs() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) return values.get(method.getName());
            if (method.getDefaultValue() != null) return method.getDefaultValue();
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
