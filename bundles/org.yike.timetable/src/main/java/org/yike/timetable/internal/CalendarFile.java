package org.yike.timetable.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.yike.api.timetable.Session;

/**
 * Lessons as iCalendar events (through iCal4j): LOCATION is the room, SUMMARY the course,
 * X-YIKE-TEACHER (or the ORGANIZER's CN) the teacher, X-YIKE-CLASS the class, X-YIKE-RECORD yes or
 * no; RRULE, RDATE, EXDATE and RECURRENCE-ID as calendar apps and Opencast write them. Each
 * occurrence is a session of the period of the day's bell profile that starts at its time.
 */
final class CalendarFile {

    static final String TEACHER = "X-YIKE-TEACHER";
    static final String CLASS = "X-YIKE-CLASS";
    static final String RECORD = "X-YIKE-RECORD";

    private CalendarFile() {
    }

    /** The sessions of the events inside the term; each problem names the line of its event's BEGIN:VEVENT. */
    static List<Schedule.Made> sessions(String ics, Bells bells, TermCalendar term, ZoneId zone, List<Schedule.Problem> problems) {
        List<Integer> lines = eventLines(ics);
        Calendar calendar;
        try {
            calendar = inBundle(() -> {
                try {
                    return new CalendarBuilder().build(new StringReader(ics));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ParserException e) {
                    throw new IllegalArgumentException(e.getLineNo() + "\u0000" + e.getMessage());
                }
            });
        } catch (IllegalArgumentException e) {
            String[] where = e.getMessage().split("\u0000", 2);
            problems.add(new Schedule.Problem(Schedule.Part.LESSONS, Integer.parseInt(where[0]), "not iCalendar: " + where[1]));
            return List.of();
        }
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        Map<String, List<VEvent>> byUid = new LinkedHashMap<>();
        Map<VEvent, Integer> lineOf = new IdentityHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            VEvent e = events.get(i);
            lineOf.put(e, i < lines.size() ? lines.get(i) : 0);
            String uid = e.getProperty(Property.UID).map(Property::getValue).orElse("#" + i);
            byUid.computeIfAbsent(uid, u -> new ArrayList<>()).add(e);
        }
        Period<ZonedDateTime> termRange = new Period<>(term.start.atStartOfDay(zone), term.end.plusDays(1).atStartOfDay(zone));
        List<Schedule.Made> made = new ArrayList<>();
        byUid.forEach((uid, group) -> {
            // RECURRENCE-ID by hand: iCal4j 4.2's ComponentGroup drops the moved occurrence but never adds its replacement
            List<VEvent> overrides = group.stream().filter(e -> e.getProperty(Property.RECURRENCE_ID).isPresent()).toList();
            Set<Instant> replaced = new HashSet<>();
            for (VEvent o : overrides) {
                Property id = o.getProperty(Property.RECURRENCE_ID).orElseThrow();
                try {
                    replaced.add(zoned(((DateProperty<?>) id).getDate(), namedZone(id), zone).toInstant());
                } catch (RuntimeException x) {
                    problems.add(new Schedule.Problem(Schedule.Part.LESSONS, lineOf.get(o), "RECURRENCE-ID " + id.getValue()
                            + " is no date and time: " + x.getMessage()));
                }
            }
            for (VEvent e : group) {
                int line = lineOf.get(e);
                Optional<ZoneId> named = e.getProperty(Property.DTSTART).flatMap(CalendarFile::namedZone);
                List<Period<Temporal>> occurrences;
                try {
                    occurrences = new ArrayList<>(inBundle(() -> e.<Temporal>calculateRecurrenceSet(termRange)));
                } catch (RuntimeException x) {
                    problems.add(new Schedule.Problem(Schedule.Part.LESSONS, line, "cannot expand its recurrence: " + x.getMessage()));
                    continue;
                }
                boolean master = !overrides.contains(e);
                for (Period<Temporal> p : occurrences) {
                    try {
                        ZonedDateTime start = zoned(p.getStart(), named, zone);
                        if (master && replaced.contains(start.toInstant())) continue;
                        Schedule.Made m = session(e, line, start, zoned(p.getEnd(), named, zone), bells, term, zone);
                        if (m != null) made.add(m);
                    } catch (IllegalArgumentException x) {
                        problems.add(new Schedule.Problem(Schedule.Part.LESSONS, line, x.getMessage()));
                    }
                }
            }
        });
        return made;
    }

    /** An occurrence as a session, or null where the calendar says there is none (a holiday, a cancelled one). */
    private static Schedule.Made session(VEvent e, int line, ZonedDateTime start, ZonedDateTime end, Bells bells,
            TermCalendar term, ZoneId zone) {
        if (e.getProperty(Property.STATUS).map(Property::getValue).filter("CANCELLED"::equalsIgnoreCase).isPresent()) return null;
        LocalDate date = start.toLocalDate();
        if (!term.inTerm(date) || term.holiday(date)) return null;
        String room = text(e, Property.LOCATION).orElseThrow(() -> new IllegalArgumentException("the event has no LOCATION (the room)"));
        String course = text(e, Property.SUMMARY).orElseThrow(() -> new IllegalArgumentException("the event has no SUMMARY (the course)"));
        String profile = term.profileOn(date);
        Bells.Bell bell = bells.startingAt(profile, start.toLocalTime());
        if (bell == null) {
            throw new IllegalArgumentException(room + " " + course + " starts at " + start.toLocalTime() + " on " + date
                    + ", when no period of bell profile " + profile + " starts");
        }
        if (!end.isAfter(start)) throw new IllegalArgumentException(room + " " + course + " on " + date + " ends before it starts");
        String teacher = text(e, TEACHER).orElseGet(() -> e.getProperty(Property.ORGANIZER)
                .flatMap(o -> o.getParameter(Parameter.CN)).map(c -> ((Parameter) c).getValue()).orElse(null));
        String record = text(e, RECORD).orElse("yes");
        boolean recorded = !(record.equalsIgnoreCase("no") || record.equalsIgnoreCase("false") || record.equals("否"));
        return new Schedule.Made(new Session(Schedule.id(room, date, bell.period()), room, date, bell.period(), bell.label(),
                start.toOffsetDateTime(), end.withZoneSameInstant(zone).toOffsetDateTime(), course, teacher,
                text(e, CLASS).orElse(null), recorded && term.records(date), term.week(term.runs(date))), line);
    }

    /**
     * A platform's calendar (an Opencast capture agent's) as sessions of its room: each event is one
     * session, its id the event's UID, labelled {@code label} and with no period (0), whatever the
     * bells and the term calendar say, since the platform scheduled it for that time. An event with a
     * UID that cannot name a recording's folder, or without times, is left out with the reason in
     * {@code skipped}; one that does not parse leaves the whole calendar out (an exception).
     */
    static List<Session> platformSessions(String ics, String room, String label, ZoneId zone, List<String> skipped) {
        Calendar calendar = inBundle(() -> {
            try {
                return new CalendarBuilder().build(new StringReader(ics));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParserException e) {
                throw new IllegalArgumentException("not iCalendar (line " + e.getLineNo() + "): " + e.getMessage(), e);
            }
        });
        List<Session> sessions = new ArrayList<>();
        for (VEvent e : calendar.<VEvent>getComponents(Component.VEVENT)) {
            String uid = text(e, Property.UID).orElse("");
            if (!uid.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")) {
                skipped.add("event UID '" + uid + "' is not a usable recording id (letters, digits, . _ @ -)");
                continue;
            }
            if (e.getProperty(Property.STATUS).map(Property::getValue).filter("CANCELLED"::equalsIgnoreCase).isPresent()) continue;
            try {
                Property dtStart = e.getProperty(Property.DTSTART).orElseThrow(() -> new IllegalArgumentException("no DTSTART"));
                Property dtEnd = e.getProperty(Property.DTEND).orElseThrow(() -> new IllegalArgumentException("no DTEND"));
                ZonedDateTime start = zoned(((DateProperty<?>) dtStart).getDate(), namedZone(dtStart), zone);
                ZonedDateTime end = zoned(((DateProperty<?>) dtEnd).getDate(), namedZone(dtEnd), zone);
                if (!end.isAfter(start)) throw new IllegalArgumentException("it ends before it starts");
                String teacher = text(e, TEACHER).orElseGet(() -> e.getProperty(Property.ORGANIZER)
                        .flatMap(o -> o.getParameter(Parameter.CN)).map(c -> ((Parameter) c).getValue()).orElse(null));
                sessions.add(new Session(uid, room, start.toLocalDate(), 0, label, start.toOffsetDateTime(), end.toOffsetDateTime(),
                        text(e, Property.SUMMARY).orElse(label), teacher, text(e, CLASS).orElse(null), true, 0));
            } catch (IllegalArgumentException | ClassCastException x) {
                skipped.add("event " + uid + ": " + x.getMessage());
            }
        }
        return sessions;
    }

    /**
     * Every session as an event of its own, UID its id, its times in UTC: iCal4j would write a zone's
     * wall time by its own rules (see {@link #namedZone}), and UTC reads the same everywhere.
     */
    static String write(Collection<Session> sessions) {
        return inBundle(() -> {
            // built as lists: iCal4j's add() copies its immutable lists, quadratic over a term's sessions
            List<CalendarComponent> events = new ArrayList<>();
            for (Session s : sessions) {
                VEvent e = new VEvent(s.start().toInstant(), s.end().toInstant(), s.course());
                List<Property> p = new ArrayList<>(e.getProperties());
                p.add(new Uid(s.id()));
                p.add(new Location(s.room()));
                if (s.teacher() != null) p.add(new XProperty(TEACHER, s.teacher()));
                if (s.schoolClass() != null) p.add(new XProperty(CLASS, s.schoolClass()));
                p.add(new XProperty(RECORD, s.record() ? "yes" : "no"));
                events.add(new VEvent(new PropertyList(p)));
            }
            Calendar c = new Calendar(new PropertyList(List.of(new ProdId("-//Yike//Timetable//ZH"), ImmutableVersion.VERSION_2_0,
                    ImmutableCalScale.GREGORIAN)), new ComponentList<>(events));
            StringWriter out = new StringWriter();
            try {
                new CalendarOutputter(false).output(c, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        });
    }

    private static Optional<String> text(Component e, String property) {
        return e.getProperty(property).map(Property::getValue).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The zone a time property names, where the JDK knows it. iCal4j builds zone rules from its
     * own VTIMEZONE copies, which repeat historic daylight saving (Asia/Shanghai: 1986-1991) every year,
     * putting early-September lessons an hour off; the JDK's rules are right.
     */
    private static Optional<ZoneId> namedZone(Property time) {
        return time.getParameter(Parameter.TZID).map(t -> ((Parameter) t).getValue())
                .filter(id -> ZoneId.getAvailableZoneIds().contains(id)).map(ZoneId::of);
    }

    /** An occurrence's time in the school's zone: a zoned one as the JDK reads its wall time, a floating one the school's. */
    private static ZonedDateTime zoned(Temporal t, Optional<ZoneId> named, ZoneId zone) {
        if (t instanceof ZonedDateTime z) return named.map(n -> z.toLocalDateTime().atZone(n)).orElse(z).withZoneSameInstant(zone);
        if (t instanceof OffsetDateTime o) return o.atZoneSameInstant(zone);
        if (t instanceof Instant i) return i.atZone(zone);
        if (t instanceof LocalDateTime l) return l.atZone(zone);
        throw new IllegalArgumentException("an all-day event (" + t + ") is no lesson");
    }

    /** The lines (1-based, unfolded text) of each BEGIN:VEVENT, in order. */
    private static List<Integer> eventLines(String ics) {
        List<Integer> lines = new ArrayList<>();
        String[] all = ics.split("\r?\n", -1);
        for (int i = 0; i < all.length; i++) if (all[i].strip().equalsIgnoreCase("BEGIN:VEVENT")) lines.add(i + 1);
        return lines;
    }

    /**
     * iCal4j finds its configuration, factories and zoneinfo through the thread's context class
     * loader: inside OSGi that must be this bundle's.
     */
    private static <T> T inBundle(Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(CalendarFile.class.getClassLoader());
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
