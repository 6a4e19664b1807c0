package org.yike.api.timetable;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One lesson on one day in one room, as the timetable makes it. {@code id} depends only on the room,
 * the date and the period, so it stays the same across re-imports; {@code week} is the teaching week
 * whose lessons run that day (a make-up workday runs another day's). {@code record} false: listed, not
 * recorded (the lesson says so, or the day is an exam day). A platform's event (an Opencast capture
 * agent's) is a session too: {@code id} its UID, {@code label} its calendar's, {@code period} and
 * {@code week} 0.
 */
public record Session(String id, String room, LocalDate date, int period, String label, OffsetDateTime start,
        OffsetDateTime end, String course, String teacher, String schoolClass, boolean record, int week) {
}
