package org.yike.api.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a span of days shows.
 * <ul>
 * <li>{@code planned}: the timetable's sessions to record that have ended; {@code recorded}: those with a
 * recording; {@code rate}: recorded / planned (开课率), 0 with nothing planned.</li>
 * <li>{@code valid}: recorded sessions whose recording is whole (finished, not partial) and at least
 * {@code validFraction} of the session long; {@code invalid}: the others by why, {@link #FAILED},
 * {@link #PARTIAL}, {@link #TOO_SHORT}.</li>
 * <li>{@code rooms}: the rooms of the timetable and of the devices; {@code faultyRooms}: those with a device
 * offline now (the fault ratio is faultyRooms / rooms); {@code diskLow}: whether the recordings' disk is
 * below what the recorder keeps free.</li>
 * <li>{@code courses}, {@code grades}: recorded sessions by course and by grade (the class's name before its
 * number, e.g. 初二 of 初二(3)班).</li>
 * <li>{@code views}: the views of the span's lessons (a view is a player that played at least 10 s), hand-started
 * lessons included; {@code mostViewed}: the most viewed of them, at most {@link #MOST_VIEWED}.</li>
 * <li>{@code evaluations}: the submitted evaluations of the span's lessons; {@code evaluationMean}: the mean of
 * their totals (out of 100), 0 with none.</li>
 * <li>{@code behind}: for each figure ({@code planned}, {@code recorded}, {@code missed}, {@code valid},
 * {@code failed}, {@code partial}, {@code tooShort}, {@code faultyRooms}, {@code viewed}, {@code evaluated}), the
 * session ids, rooms or lesson ids (viewed: the most viewed first) that make it.</li>
 * </ul>
 */
public record Figures(LocalDate from, LocalDate to, long planned, long recorded, double rate, long valid,
        Map<String, Long> invalid, double validFraction, long rooms, long faultyRooms, boolean diskLow,
        Map<String, Long> courses, Map<String, Long> grades, long views, List<Viewed> mostViewed, long evaluations,
        double evaluationMean, Map<String, List<String>> behind) {

    /** A lesson and its views. */
    public record Viewed(String lesson, String title, long views) {
    }

    public static final int MOST_VIEWED = 10;

    public static final String FAILED = "failed";
    public static final String PARTIAL = "partial";
    public static final String TOO_SHORT = "tooShort";

    public Figures {
        invalid = Map.copyOf(invalid);
        courses = Map.copyOf(courses);
        grades = Map.copyOf(grades);
        mostViewed = List.copyOf(mostViewed);
        behind = Map.copyOf(behind);
    }
}
