package org.yike.timetable.internal;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.yike.api.timetable.RowError;
import org.yike.api.timetable.TimetableRejected;

/** {@code timetable.csv}: {@code room,weekday,period,weeks,course,teacher,class,record}, weekday 1 = Monday. */
final class Lessons {

    record Lesson(int row, String room, DayOfWeek weekday, int period, BitSet weeks, String course, String teacher,
            String schoolClass, boolean record) {
    }

    private Lessons() {
    }

    static List<Lesson> parse(byte[] csv) {
        List<Rows.Row> rows = Rows.read(csv, Set.of("room", "weekday", "period", "weeks", "course"));
        List<RowError> errors = new ArrayList<>();
        List<Lesson> lessons = new ArrayList<>();
        for (Rows.Row r : rows) {
            try {
                lessons.add(new Lesson(r.number(), Cells.required(r, "room"), DayOfWeek.of(Cells.number(r, "weekday", 1, 7)),
                        Cells.number(r, "period", 1, 99), Weeks.parse(Cells.required(r, "weeks")), Cells.required(r, "course"),
                        r.get("teacher"), r.get("class"), Cells.yesNo(r, "record", true)));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(r.number(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) throw new TimetableRejected(errors);
        return lessons;
    }
}
