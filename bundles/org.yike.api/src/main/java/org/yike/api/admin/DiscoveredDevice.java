package org.yike.api.admin;

import java.util.Map;

/**
 * A device a driver sees on the network: {@code id} adopts it (a digest of the driver and the
 * configuration that adopts it, the name aside, so the same while it answers at the same address),
 * the {@code configuration} it would be given (passwords left out), and {@code adoptedBy}, the device
 * that adopted it already, or null.
 */
public record DiscoveredDevice(String id, String name, Map<String, Object> configuration, String adoptedBy) {

    public boolean adopted() {
        return adoptedBy != null;
    }
}
