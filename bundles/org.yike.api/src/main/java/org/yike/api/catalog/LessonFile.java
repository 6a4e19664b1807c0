package org.yike.api.catalog;

/**
 * A file of a lesson, by its name in the lesson's folder. {@code role}: {@code program} (the directed
 * video in {@code profile}), {@code resource} (one {@code source}'s own video, which begins
 * {@code startOffsetMillis} after the lesson: a player keeps it in step with the program by that) or
 * {@code metadata}. {@code startOffsetMillis} is null where it does not apply or is not known.
 */
public record LessonFile(String name, String role, String profile, String source, long sizeBytes, Long startOffsetMillis) {

    /** A file that starts with the lesson, or of which that is not known. */
    public LessonFile(String name, String role, String profile, String source, long sizeBytes) {
        this(name, role, profile, source, sizeBytes, null);
    }
}
