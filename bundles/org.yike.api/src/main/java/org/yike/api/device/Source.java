package org.yike.api.device;

import java.util.Objects;

/**
 * One picture or sound a device delivers. {@code id} is unique within its device; {@link #key()}
 * is unique in the runtime ({@code deviceId/sourceId}) and is what director decisions name.
 */
public record Source(String deviceId, String id, String label, Role role, StreamLocator locator) {

    public Source {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(locator, "locator");
        label = label == null ? id : label;
    }

    public String key() {
        return deviceId + "/" + id;
    }

    public boolean isAudio() {
        return role.isAudio();
    }
}
