package org.yike.timetable.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yike.api.timetable.RowError;
import org.yike.api.timetable.TimetableRejected;

/**
 * {@code calendar.csv}: the term and its exceptions. Week 1 is the Monday-based week holding the
 * term's first day. A make-up workday (调休) runs the lessons of the date it follows, with that
 * date's weekday and teaching week; holidays have no lessons; exam days list theirs unrecorded;
 * the bell profile changes from a {@code bells} row's date on (the date's own, not the followed one's).
 */
final class TermCalendar {

    enum Kind { TERM_START, TERM_END, HOLIDAY, WORKDAY, NORECORD, BELLS }

    final LocalDate start;
    final LocalDate end;
    final int rows;
    private final Set<LocalDate> holidays;
    private final Map<LocalDate, LocalDate> workdays;
    private final Set<LocalDate> norecord;
    /** Bell profile from each date on. */
    private final TreeMap<LocalDate, String> bells;
    /** Row of each bell profile's naming, to refuse a profile the bells lack. */
    private final Map<String, Integer> profileRows;

    private TermCalendar(LocalDate start, LocalDate end, int rows, Set<LocalDate> holidays,
            Map<LocalDate, LocalDate> workdays, Set<LocalDate> norecord, TreeMap<LocalDate, String> bells,
            Map<String, Integer> profileRows) {
        this.start = start;
        this.end = end;
        this.rows = rows;
        this.holidays = holidays;
        this.workdays = workdays;
        this.norecord = norecord;
        this.bells = bells;
        this.profileRows = profileRows;
    }

    static TermCalendar parse(byte[] csv) {
        List<Rows.Row> rows = Rows.read(csv, Set.of("date", "kind"));
        List<RowError> errors = new ArrayList<>();
        LocalDate start = null;
        LocalDate end = null;
        int startRow = 0;
        Set<LocalDate> holidays = new HashSet<>();
        Map<LocalDate, LocalDate> workdays = new HashMap<>();
        Map<LocalDate, Integer> workdayRows = new HashMap<>();
        Set<LocalDate> norecord = new HashSet<>();
        TreeMap<LocalDate, String> bells = new TreeMap<>();
        Map<String, Integer> profileRows = new HashMap<>();
        /** The row that made each date a holiday or workday: a date is one or the other. */
        Map<LocalDate, Integer> dayKinds = new HashMap<>();
        for (Rows.Row r : rows) {
            try {
                LocalDate date = Cells.date(r, "date");
                Kind kind = kind(Cells.required(r, "kind"));
                switch (kind) {
                    case TERM_START -> {
                        if (start != null) throw new IllegalArgumentException("a second term_start (the first is row " + startRow + ")");
                        start = date;
                        startRow = r.number();
                        String profile = r.get("bell_profile");
                        if (profile == null) throw new IllegalArgumentException("term_start names no bell_profile");
                        if (bells.containsKey(date)) throw new IllegalArgumentException("a second bell profile for " + date);
                        bells.put(date, profile);
                        profileRows.putIfAbsent(profile, r.number());
                    }
                    case TERM_END -> {
                        if (end != null) throw new IllegalArgumentException("a second term_end");
                        end = date;
                    }
                    case HOLIDAY, WORKDAY -> {
                        Integer other = dayKinds.putIfAbsent(date, r.number());
                        if (other != null) throw new IllegalArgumentException(date + " is already a holiday or workday (row " + other + ")");
                        if (kind == Kind.HOLIDAY) {
                            holidays.add(date);
                        } else {
                            LocalDate follows = Cells.date(r, "follows_date");
                            if (follows.equals(date)) throw new IllegalArgumentException("a workday cannot follow itself");
                            workdays.put(date, follows);
                            workdayRows.put(date, r.number());
                        }
                    }
                    case NORECORD -> norecord.add(date);
                    case BELLS -> {
                        String profile = Cells.required(r, "bell_profile");
                        if (bells.containsKey(date)) throw new IllegalArgumentException("a second bell profile for " + date);
                        bells.put(date, profile);
                        profileRows.putIfAbsent(profile, r.number());
                    }
                }
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(r.number(), e.getMessage()));
            }
        }
        int after = rows.isEmpty() ? 2 : rows.get(rows.size() - 1).number() + 1;
        if (start == null) errors.add(new RowError(after, "no term_start row"));
        if (end == null) errors.add(new RowError(after, "no term_end row"));
        if (start != null && end != null) {
            if (!end.isAfter(start)) errors.add(new RowError(startRow, "the term starts on " + start + ", not before it ends (" + end + ")"));
            for (Map.Entry<LocalDate, String> b : bells.entrySet()) {
                if (b.getKey().isBefore(start)) {
                    errors.add(new RowError(profileRows.get(b.getValue()), "bells change on " + b.getKey() + ", before the term starts"));
                }
            }
            for (Map.Entry<LocalDate, LocalDate> w : workdays.entrySet()) {
                if (w.getKey().isBefore(start) || w.getKey().isAfter(end) || w.getValue().isBefore(start) || w.getValue().isAfter(end)) {
                    errors.add(new RowError(workdayRows.get(w.getKey()), "workday " + w.getKey() + " following " + w.getValue()
                            + " is not inside the term " + start + " to " + end));
                }
            }
        }
        if (!errors.isEmpty()) throw new TimetableRejected(errors);
        return new TermCalendar(start, end, rows.size(), holidays, workdays, norecord, bells, profileRows);
    }

    private static Kind kind(String word) {
        try {
            return Kind.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind '" + word + "' is none of term_start, term_end, holiday, workday, norecord, bells");
        }
    }

    /** The bell profiles this calendar names, with the row that first names each. */
    Map<String, Integer> profiles() {
        return profileRows;
    }

    boolean holiday(LocalDate date) {
        return holidays.contains(date);
    }

    boolean records(LocalDate date) {
        return !norecord.contains(date);
    }

    /** The date whose lessons run on this one: itself, or the date a make-up workday follows. */
    LocalDate runs(LocalDate date) {
        return workdays.getOrDefault(date, date);
    }

    /** The teaching week of a date: 1 for the Monday-based week holding the term's start. */
    int week(LocalDate date) {
        LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return (int) Math.floorDiv(ChronoUnit.DAYS.between(monday, date), 7) + 1;
    }

    String profileOn(LocalDate date) {
        Map.Entry<LocalDate, String> e = bells.floorEntry(date);
        return e == null ? bells.firstEntry().getValue() : e.getValue();
    }

    boolean inTerm(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
