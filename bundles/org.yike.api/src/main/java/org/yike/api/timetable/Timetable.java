package org.yike.api.timetable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The school's timetable. Each import replaces one part whole (bells, calendar, lessons as CSV, or
 * lessons as iCalendar), or is refused whole with every bad row in a {@link TimetableRejected} and
 * changes nothing. Bytes are UTF-8 with or without BOM, or GBK as Excel saves it.
 */
@ProviderType
public interface Timetable {

    /** {@code profile,period,label,start,end}. */
    Imported importBells(byte[] csv);

    /** {@code date,kind,follows_date,bell_profile,note}. */
    Imported importCalendar(byte[] csv);

    /** {@code room,weekday,period,weeks,course,teacher,class,record}. */
    Imported importLessons(byte[] csv);

    /** Lessons as iCalendar events (RRULE, EXDATE, RDATE, RECURRENCE-ID), in place of the lessons CSV. */
    Imported importCalendarFile(byte[] ics);

    /** Every session as an iCalendar event, its UID the session id: importing it gives the same sessions. */
    String exportCalendarFile();

    /** The sessions from {@code from} to {@code to} (both included), of one room or ({@code null}) all, by start. */
    List<Session> sessions(LocalDate from, LocalDate to, String room);

    Optional<Session> session(String id);

    /** Increases with every import that changed the sessions; lets a scheduler see there is something new. */
    long revision();
}
