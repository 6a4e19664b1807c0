package org.yike.api.admin;

import java.util.List;
import java.util.Objects;

/**
 * A device as people see it: its state with the reason ({@code OFFLINE: connection refused}) and its
 * sources. {@link State#ERROR}: a configuration its driver could not make a device of.
 */
public record DeviceEntry(String id, String name, String driver, String classroom, State state, String reason,
        List<SourceEntry> sources) {

    public enum State { ONLINE, CONNECTING, OFFLINE, ERROR }

    public DeviceEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        sources = List.copyOf(sources);
    }
}
