package org.yike.api.director;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A cut: from {@code atMillis} into the lesson, the program shows {@code sources} (source keys,
 * {@code deviceId/sourceId}, main picture first) in {@code layout}, because of {@code cause}
 * (written for people: "student stood up", "slide changed"). {@code framing} says, for sources
 * that need it, which PTZ preset or crop of the picture to show; the others show whole.
 */
public record ProgramDecision(long atMillis, Layout layout, List<String> sources, String cause,
        Map<String, Framing> framing) {

    public ProgramDecision {
        Objects.requireNonNull(layout, "layout");
        sources = List.copyOf(sources);
        framing = framing == null ? Map.of() : Map.copyOf(framing);
        if (sources.size() < layout.sources()) {
            throw new IllegalArgumentException(layout + " needs " + layout.sources() + " sources, got " + sources);
        }
        cause = cause == null ? "" : cause;
    }

    public ProgramDecision(long atMillis, Layout layout, List<String> sources, String cause) {
        this(atMillis, layout, sources, cause, Map.of());
    }

    public static ProgramDecision full(long atMillis, String source, String cause) {
        return new ProgramDecision(atMillis, Layout.FULL, List.of(source), cause);
    }

    public String mainSource() {
        return sources.get(0);
    }

    /** Same picture as {@code other}, whatever the time and cause. */
    public boolean sameShot(ProgramDecision other) {
        return other != null && layout == other.layout && shown().equals(other.shown()) && framing.equals(other.framing);
    }

    /**
     * The same layout of the same sources as {@code other}, only cropped otherwise: a crop that follows
     * someone (electronic PTZ), which the program shows without a dissolve and a director's rules let
     * through at once. A PTZ preset moves a real camera: a shot with one is a cut, never a reframe.
     */
    public boolean reframes(ProgramDecision other) {
        return other != null && layout == other.layout && shown().equals(other.shown()) && !framing.equals(other.framing)
                && cropsOnly() && other.cropsOnly();
    }

    private boolean cropsOnly() {
        return framing.values().stream().allMatch(Framing::isCrop);
    }

    /** The sources the layout shows (a decision may name more than it places). */
    public List<String> shown() {
        return sources.subList(0, layout.sources());
    }

    /** The same shot at another time for another reason. */
    public ProgramDecision at(long atMillis, String cause) {
        return new ProgramDecision(atMillis, layout, sources, cause, framing);
    }
}
