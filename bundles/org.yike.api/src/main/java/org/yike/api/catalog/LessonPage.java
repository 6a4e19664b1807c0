package org.yike.api.catalog;

import java.util.List;
import java.util.Map;

/**
 * One page of the lessons found, newest first (best match first when words were asked), and how many there are in all.
 * {@code facets}: for each of {@link #FACETS}, how many of all the lessons found have each value, most first.
 */
public record LessonPage(long total, List<Lesson> items, Map<String, List<Facet>> facets) {

    /** What lessons are counted by: their room, teacher, course, class, state and review state. */
    public static final List<String> FACETS = List.of("room", "teacher", "course", "class", "state", "review");

    /** {@code count} lessons found have this {@code value}. */
    public record Facet(String value, long count) {
    }

    public LessonPage {
        items = List.copyOf(items);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    /** A page without facets (the 1.1 form). */
    public LessonPage(long total, List<Lesson> items) {
        this(total, items, Map.of());
    }
}
