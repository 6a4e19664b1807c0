package org.yike.api.device;

import java.util.Objects;

/** A device's state with the reason a person can act on, e.g. {@code OFFLINE: connection refused}. */
public record DeviceStatus(State state, String reason) {

    public enum State { ONLINE, CONNECTING, OFFLINE }

    public DeviceStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    public static DeviceStatus online() {
        return new DeviceStatus(State.ONLINE, "");
    }

    public static DeviceStatus offline(String reason) {
        return new DeviceStatus(State.OFFLINE, reason);
    }

    @Override
    public String toString() {
        return reason.isEmpty() ? state.name() : state + ": " + reason;
    }
}
