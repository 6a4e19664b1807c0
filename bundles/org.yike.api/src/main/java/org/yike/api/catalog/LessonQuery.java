package org.yike.api.catalog;

import java.time.LocalDate;

/**
 * What to find: {@code q} words in the title, course, teacher, class, chapter names or tags (Chinese by
 * words and by characters), and exact filters; every field may be null. {@code page} counts from 0.
 * {@code reader}: only the lessons that reader may see (null: all); {@code review}: only lessons in that
 * state of the publishing review (null: any).
 */
public record LessonQuery(String q, String room, String teacher, String course, String schoolClass, LocalDate from,
        LocalDate to, LessonState state, int page, int size, Reader reader, LessonReview.State review) {

    public static final int LARGEST_PAGE = 200;

    /**
     * A teacher as the catalog knows them: the lessons they gave ({@code teacher}, as the timetable names
     * them) and those shared with them ({@code user}, their login name).
     */
    public record Reader(String teacher, String user) {
    }

    public LessonQuery {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more, not " + page);
        if (size < 1 || size > LARGEST_PAGE) {
            throw new IllegalArgumentException("size must be from 1 to " + LARGEST_PAGE + ", not " + size);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
    }

    /** A query for every reader (the 1.1 form). */
    public LessonQuery(String q, String room, String teacher, String course, String schoolClass, LocalDate from,
            LocalDate to, LessonState state, int page, int size) {
        this(q, room, teacher, course, schoolClass, from, to, state, page, size, null, null);
    }

    public static LessonQuery words(String q) {
        return new LessonQuery(q, null, null, null, null, null, null, null, 0, 20);
    }
}
