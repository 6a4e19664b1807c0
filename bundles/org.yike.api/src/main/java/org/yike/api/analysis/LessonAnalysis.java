package org.yike.api.analysis;

/**
 * What a lesson's events say about it: {@code st} (null for a lesson shorter than one sampling interval), the
 * stand-ups and the teacher's places, over the lesson's first {@code durationMillis} of its own clock.
 */
public record LessonAnalysis(String lesson, String classroom, long durationMillis, StAnalysis st, StandUps standUps,
        TeacherPlaces teacher) {
}
