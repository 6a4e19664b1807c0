package org.yike.timetable.internal;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/** {@code timetable.csv}: {@code room,weekday,period,weeks,course,teacher,class,record}, weekday 1 = Monday. */
final class Lessons {

    record Lesson(int row, String room, DayOfWeek weekday, int period, BitSet weeks, String course, String teacher,
            String schoolClass, boolean record) {
    }

    private Lessons() {
    }

    /**
     * The rows that read; each that does not is added to {@code problems}, so that the rows that do
     * are still checked against the bells and each other and one answer names every bad row.
     */
    static List<Lesson> parse(byte[] csv, List<Schedule.Problem> problems) {
        List<Rows.Row> rows = Rows.read(csv, Set.of("room", "weekday", "period", "weeks", "course"));
        List<Lesson> lessons = new ArrayList<>();
        for (Rows.Row r : rows) {
            try {
                lessons.add(new Lesson(r.number(), Cells.required(r, "room"), DayOfWeek.of(Cells.number(r, "weekday", 1, 7)),
                        Cells.number(r, "period", 1, 99), Weeks.parse(Cells.required(r, "weeks")), Cells.required(r, "course"),
                        r.get("teacher"), r.get("class"), Cells.yesNo(r, "record", true)));
            } catch (IllegalArgumentException e) {
                problems.add(new Schedule.Problem(Schedule.Part.LESSONS, r.number(), e.getMessage()));
            }
        }
        return lessons;
    }
}
