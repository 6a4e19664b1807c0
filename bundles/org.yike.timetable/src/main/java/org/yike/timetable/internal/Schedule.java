package org.yike.timetable.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yike.api.timetable.RowError;
import org.yike.api.timetable.Session;

/**
 * The sessions of a term: every lesson on every day it runs, at its bells. Made whole from the
 * three parts, or refused with every problem found, each named by the part and row it is in.
 */
final class Schedule {

    /** The part of the timetable a problem is in. */
    enum Part {
        BELLS("bells.csv"), CALENDAR("calendar.csv"), LESSONS("the lessons");

        final String file;

        Part(String file) {
            this.file = file;
        }
    }

    record Problem(Part part, int row, String reason) {

        /** As the import of {@code importing} reports it: its own rows by number, another part's in words. */
        RowError as(Part importing) {
            return part == importing ? new RowError(row, reason) : new RowError(0, part.file + " row " + row + ": " + reason);
        }
    }

    /** A session and the lesson row (or iCalendar line) it comes from. */
    record Made(Session session, int row) {
    }

    /** Sessions by id, in the order of their start; an empty schedule while a part is missing. */
    final Map<String, Session> sessions;

    private Schedule(Map<String, Session> sessions) {
        this.sessions = sessions;
    }

    static final Schedule EMPTY = new Schedule(Map.of());

    /** The problems, or none, of these parts together: the calendar's profiles must be in the bells. */
    static List<Problem> check(Bells bells, TermCalendar calendar) {
        List<Problem> problems = new ArrayList<>();
        calendar.profiles().forEach((profile, row) -> {
            if (!bells.has(profile)) {
                problems.add(new Problem(Part.CALENDAR, row, "bell profile '" + profile + "' is not in bells.csv (it has "
                        + String.join(", ", new TreeSet<>(bells.profiles())) + ")"));
            }
        });
        return problems;
    }

    /**
     * The sessions of CSV lessons: each on the days whose weekday and teaching week it has. A lesson
     * whose period a bell profile lacks is a problem and makes none; the others still do, to be
     * checked for conflicts.
     */
    static List<Made> of(Bells bells, TermCalendar calendar, List<Lessons.Lesson> lessons, ZoneId zone, List<Problem> problems) {
        Map<DayOfWeek, List<Lessons.Lesson>> byDay = new HashMap<>();
        for (Lessons.Lesson l : lessons) {
            boolean rung = true;
            for (String profile : calendar.profiles().keySet()) {
                if (bells.has(profile) && bells.bell(profile, l.period()) == null) {
                    problems.add(new Problem(Part.LESSONS, l.row(), "period " + l.period() + " is not a bell of profile " + profile));
                    rung = false;
                }
            }
            if (rung) byDay.computeIfAbsent(l.weekday(), d -> new ArrayList<>()).add(l);
        }
        List<Made> made = new ArrayList<>();
        for (LocalDate date = calendar.start; !date.isAfter(calendar.end); date = date.plusDays(1)) {
            if (calendar.holiday(date)) continue;
            LocalDate runs = calendar.runs(date);
            int week = calendar.week(runs);
            String profile = calendar.profileOn(date);
            for (Lessons.Lesson l : byDay.getOrDefault(runs.getDayOfWeek(), List.of())) {
                if (!l.weeks().get(week)) continue;
                Bells.Bell bell = bells.bell(profile, l.period());
                made.add(new Made(new Session(id(l.room(), date, l.period()), l.room(), date, l.period(), bell.label(),
                        date.atTime(bell.start()).atZone(zone).toOffsetDateTime(),
                        date.atTime(bell.end()).atZone(zone).toOffsetDateTime(), l.course(), l.teacher(), l.schoolClass(),
                        l.record() && calendar.records(date), week), l.row()));
            }
        }
        return made;
    }

    /**
     * The schedule of these sessions, or problems: two sessions in one room at one time are a
     * conflict, reported once for each pair of rows on the first day they meet. Back-to-back is no conflict.
     */
    static Schedule of(List<Made> made, List<Problem> problems) {
        List<Made> sorted = new ArrayList<>(made);
        sorted.sort(Comparator.comparing((Made m) -> m.session().start()).thenComparing(m -> m.session().room()));
        Map<String, Made> lastInRoom = new HashMap<>();
        Set<String> reported = new HashSet<>();
        Map<String, Session> sessions = new LinkedHashMap<>();
        for (Made m : sorted) {
            Session s = m.session();
            Made before = lastInRoom.get(s.room());
            if (before != null && s.start().isBefore(before.session().end())) {
                if (reported.add(before.row() + "/" + m.row())) {
                    problems.add(new Problem(Part.LESSONS, m.row(), "room " + s.room() + " already has a lesson then (row "
                            + before.row() + ", " + before.session().course() + "): " + s.date() + " period " + s.period()));
                }
                continue;
            }
            if (before == null || s.end().isAfter(before.session().end())) lastInRoom.put(s.room(), m);
            sessions.put(s.id(), s);
        }
        return problems.isEmpty() ? new Schedule(sessions) : null;
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** The same room, date and period give the same id, whatever else changes. */
    static String id(String room, LocalDate date, int period) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((room + "\n" + date + "\n" + period).getBytes(StandardCharsets.UTF_8));
            return date.format(DAY) + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
