package org.yike.api.director;

import java.util.List;
import java.util.Objects;

/**
 * A cut: from {@code atMillis} into the lesson, the program shows {@code sources} (source keys,
 * {@code deviceId/sourceId}, main picture first) in {@code layout}, because of {@code cause}
 * (written for people: "student stood up", "slide changed").
 */
public record ProgramDecision(long atMillis, Layout layout, List<String> sources, String cause) {

    public ProgramDecision {
        Objects.requireNonNull(layout, "layout");
        sources = List.copyOf(sources);
        if (sources.size() < layout.sources()) {
            throw new IllegalArgumentException(layout + " needs " + layout.sources() + " sources, got " + sources);
        }
        cause = cause == null ? "" : cause;
    }

    public static ProgramDecision full(long atMillis, String source, String cause) {
        return new ProgramDecision(atMillis, Layout.FULL, List.of(source), cause);
    }

    public String mainSource() {
        return sources.get(0);
    }

    /** Same picture as {@code other}, whatever the time and cause. */
    public boolean sameShot(ProgramDecision other) {
        return other != null && layout == other.layout && sources.equals(other.sources);
    }
}
