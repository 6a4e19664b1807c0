package org.yike.api.catalog;

/**
 * A file of a lesson, by its name in the lesson's folder. {@code role}: {@code program} (the directed
 * video in {@code profile}), {@code resource} (one {@code source}'s own video) or {@code metadata}.
 */
public record LessonFile(String name, String role, String profile, String source, long sizeBytes) {
}
