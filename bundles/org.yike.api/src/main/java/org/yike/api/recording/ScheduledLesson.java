package org.yike.api.recording;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the timetable says of a lesson recorded by it: the session's id, room, date, period and its
 * bell label, course, teacher and class, and when it starts and ends. {@code missed}: null for a
 * lesson recorded from its start, else in words what was not recorded (the runtime started during the
 * lesson), which makes the recording partial.
 */
public record ScheduledLesson(String session, String room, LocalDate date, int period, String label, String course,
        String teacher, String schoolClass, Instant start, Instant end, String missed) {

    /** {@code 课程 · 班级 · 教师 · 日期 第N节}, leaving out what is empty (period 0: a platform's event, no bell). */
    public String title() {
        StringBuilder t = new StringBuilder();
        for (String part : new String[] {course, schoolClass, teacher}) {
            if (part != null && !part.isBlank()) t.append(part).append(" · ");
        }
        t.append(date);
        return period > 0 ? t.append(" 第").append(period).append("节").toString() : t.toString();
    }

    public ScheduledLesson missing(String what) {
        return new ScheduledLesson(session, room, date, period, label, course, teacher, schoolClass, start, end, what);
    }
}
