package org.yike.api.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A lesson of the catalog (its id is the recording's). {@code period} is null for a lesson started
 * by hand; {@code durationMillis} is null while it records. {@code protectedFromRetention}: never
 * deleted to make room; {@code published}: a platform connector has it, so retention leaves it too.
 * {@code sharedWith}: the users (by login name) the lesson is shared with beyond its teacher; {@code review}:
 * where it stands in the publishing review.
 */
public record Lesson(String id, String school, String room, String teacher, String course, String schoolClass,
        LocalDate date, Integer period, String title, LessonState state, Instant started, Instant ended,
        Long durationMillis, long sizeBytes, List<LessonFile> files, List<Chapter> chapters, List<String> tags,
        boolean protectedFromRetention, boolean published, List<String> sharedWith, LessonReview review) {

    public Lesson {
        files = List.copyOf(files);
        chapters = List.copyOf(chapters);
        tags = List.copyOf(tags);
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        if (review == null) review = LessonReview.PRIVATE;
    }

    /** A private lesson shared with nobody (the 1.1 form). */
    public Lesson(String id, String school, String room, String teacher, String course, String schoolClass,
            LocalDate date, Integer period, String title, LessonState state, Instant started, Instant ended,
            Long durationMillis, long sizeBytes, List<LessonFile> files, List<Chapter> chapters, List<String> tags,
            boolean protectedFromRetention, boolean published) {
        this(id, school, room, teacher, course, schoolClass, date, period, title, state, started, ended, durationMillis,
                sizeBytes, files, chapters, tags, protectedFromRetention, published, List.of(), LessonReview.PRIVATE);
    }

    /** A class's grade: its name before its number, 初二 of 初二(3)班, 高一 of 高一（1）班; a class with no number is its own. */
    public static String gradeOf(String schoolClass) {
        if (schoolClass == null || schoolClass.isBlank()) return "";
        String c = schoolClass.strip();
        int cut = c.length();
        for (String mark : new String[] {"(", "（"}) {
            int at = c.indexOf(mark);
            if (at > 0) cut = Math.min(cut, at);
        }
        return c.substring(0, cut);
    }

    /** {@code 课程 · 班级 · 教师 · 日期 第N节}, leaving out what is empty (and the period when there is none). */
    public static String defaultTitle(String course, String schoolClass, String teacher, LocalDate date, Integer period) {
        StringBuilder t = new StringBuilder();
        for (String part : new String[] {course, schoolClass, teacher}) {
            if (part != null && !part.isBlank()) t.append(part).append(" · ");
        }
        t.append(date);
        if (period != null) t.append(" 第").append(period).append("节");
        return t.toString();
    }
}
