package org.yike.api.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A device to add: its {@code driver} (null: refused, naming the drivers there are), the
 * {@code values} of its configuration by attribute ({@code id}, {@code name}, {@code classroom},
 * {@code role} and the driver's own; {@code id} made from the name unless given), and the id of the
 * {@code discovered} device it adopts, or null.
 */
public record NewDevice(String driver, Map<String, Object> values, String discovered) {

    public NewDevice {
        // a LinkedHashMap, not Map.copyOf: values keep their order, and the caller's nulls are dropped
        Map<String, Object> given = new LinkedHashMap<>();
        if (values != null) values.forEach((k, v) -> {
            if (v != null) given.put(k, v);
        });
        values = Collections.unmodifiableMap(given);
    }
}
