package org.yike.timetable.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.connector.CaptureCalendar;
import org.yike.api.timetable.Imported;
import org.yike.api.timetable.Session;
import org.yike.api.timetable.Timetable;
import org.yike.api.timetable.TimetableRejected;
import org.yike.settings.FrameworkSettings;

/**
 * The timetable service. Its store is the imported files themselves, as UTF-8, in
 * {@code <data>/timetable/}: the admin's own words stay readable and are the one truth, and a whole
 * term's sessions are made from them again in milliseconds, so nothing derived is stored. Ids depend
 * only on room, date and period, which keeps them stable across re-imports and restarts.
 * <p>
 * Platforms' calendars ({@link CaptureCalendar} services, e.g. an Opencast capture agent's) are
 * followed as they come, go and change: each event is a session of the calendar's room, its id the
 * event's UID. Where an event overlaps the timetable's lessons in its room, the event wins and those
 * lessons are left out while it stands (the platform scheduled that time explicitly and waits for its
 * media; the room is still recorded, under the event); of two overlapping events in one room the
 * earlier-starting is kept. Calendars are not stored here: their connector keeps its own copy.
 */
@Component(service = Timetable.class)
public class SchoolTimetable implements Timetable {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolTimetable.class);
    static final String BELLS = "bells.csv";
    static final String CALENDAR = "calendar.csv";
    static final String LESSONS = "lessons.csv";
    static final String LESSONS_ICS = "lessons.ics";

    /** The lessons as they came: CSV rows or an iCalendar text, one of them; the CSV rows that did not read. */
    private record LessonsPart(List<Lessons.Lesson> rows, String ics, int count, List<Schedule.Problem> unread) {
    }

    private final Path folder;
    private final ZoneId zone;
    private Bells bells;
    private TermCalendar calendar;
    private LessonsPart lessons;
    /** The timetable's own sessions; {@link #byId} and {@link #byDate} add the platforms' events. */
    private volatile Map<String, Session> own = Map.of();
    private final Map<CaptureCalendar, List<Session>> platform = new IdentityHashMap<>();
    private volatile NavigableMap<LocalDate, List<Session>> byDate = new TreeMap<>();
    private volatile Map<String, Session> byId = Map.of();
    private volatile long revision;

    @Activate
    public SchoolTimetable(BundleContext context) {
        this(FrameworkSettings.of(context).dataFolder().resolve("timetable"), FrameworkSettings.of(context).timeZone());
    }

    /** A timetable kept in {@code folder}, its bells in {@code zone}. */
    public SchoolTimetable(Path folder, ZoneId zone) {
        this.folder = folder;
        this.zone = zone;
        load();
    }

    /** The files of an earlier run; one that no longer reads is left out, with the reason logged. */
    private synchronized void load() {
        try {
            if (Files.isRegularFile(folder.resolve(BELLS))) bells = Bells.parse(Files.readAllBytes(folder.resolve(BELLS)));
            if (Files.isRegularFile(folder.resolve(CALENDAR))) calendar = TermCalendar.parse(Files.readAllBytes(folder.resolve(CALENDAR)));
            if (Files.isRegularFile(folder.resolve(LESSONS))) lessons = csvLessons(Files.readAllBytes(folder.resolve(LESSONS)));
            else if (Files.isRegularFile(folder.resolve(LESSONS_ICS))) lessons = icsLessons(Files.readAllBytes(folder.resolve(LESSONS_ICS)));
            List<Schedule.Problem> problems = new ArrayList<>();
            Schedule s = schedule(bells, calendar, lessons, problems);
            if (s == null) throw new TimetableRejected(problems.stream().map(p -> p.as(null)).toList());
            use(s);
        } catch (IOException | RuntimeException e) {
            LOG.error("The timetable in {} does not read, no sessions until it is imported again", folder, e);
        }
    }

    @Override
    public Imported importBells(byte[] csv) {
        Bells b = Bells.parse(csv);
        return replace("bells", b.rows, Schedule.Part.BELLS, b, calendar, lessons, BELLS, csv, null);
    }

    @Override
    public Imported importCalendar(byte[] csv) {
        TermCalendar c = TermCalendar.parse(csv);
        return replace("calendar", c.rows, Schedule.Part.CALENDAR, bells, c, lessons, CALENDAR, csv, null);
    }

    @Override
    public Imported importLessons(byte[] csv) {
        LessonsPart l = csvLessons(csv);
        return replace("lessons", l.count, Schedule.Part.LESSONS, bells, calendar, l, LESSONS, csv, LESSONS_ICS);
    }

    @Override
    public Imported importCalendarFile(byte[] ics) {
        LessonsPart l = icsLessons(ics);
        return replace("ical", l.count, Schedule.Part.LESSONS, bells, calendar, l, LESSONS_ICS, ics, LESSONS);
    }

    private static LessonsPart csvLessons(byte[] csv) {
        List<Schedule.Problem> unread = new ArrayList<>();
        List<Lessons.Lesson> rows = Lessons.parse(csv, unread);
        return new LessonsPart(rows, null, rows.size(), unread);
    }

    private static LessonsPart icsLessons(byte[] ics) {
        String text = Text.decode(ics);
        return new LessonsPart(null, text, (int) text.lines().filter(l -> l.strip().equalsIgnoreCase("BEGIN:VEVENT")).count(),
                List.of());
    }

    /** Makes the schedule of the parts with one replaced; keeps it, and the file, only if whole. */
    private synchronized Imported replace(String what, int rows, Schedule.Part part, Bells b, TermCalendar c, LessonsPart l,
            String file, byte[] bytes, String instead) {
        List<Schedule.Problem> problems = new ArrayList<>();
        Schedule s = schedule(b, c, l, problems);
        if (s == null) throw new TimetableRejected(problems.stream().map(p -> p.as(part)).toList());
        Map<String, Session> before = own;
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(file + ".tmp");
            Files.writeString(tmp, Text.decode(bytes), StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (instead != null) Files.deleteIfExists(folder.resolve(instead));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + file + " in " + folder + ": " + e.getMessage(), e);
        }
        bells = b;
        calendar = c;
        lessons = l;
        int added = 0;
        int changed = 0;
        for (Session n : s.sessions.values()) {
            Session old = before.get(n.id());
            if (old == null) added++;
            else if (!old.equals(n)) changed++;
        }
        int removed = (int) before.keySet().stream().filter(id -> !s.sessions.containsKey(id)).count();
        use(s);
        LOG.info("Timetable: {} imported ({} rows); {} sessions, {} new, {} changed, {} gone", what, rows,
                s.sessions.size(), added, changed, removed);
        return new Imported(what, rows, s.sessions.size(), added, changed, removed);
    }

    /**
     * The schedule of these parts (empty while one is missing), or null with the problems added. The
     * lessons that read are checked against the bells and each other even where others did not read,
     * so that one answer names every bad row.
     */
    private Schedule schedule(Bells b, TermCalendar c, LessonsPart l, List<Schedule.Problem> problems) {
        if (l != null) problems.addAll(l.unread);
        List<Schedule.Problem> apart = b != null && c != null ? Schedule.check(b, c) : List.of();
        problems.addAll(apart);
        if (b == null || c == null || l == null || !apart.isEmpty()) return problems.isEmpty() ? Schedule.EMPTY : null;
        List<Schedule.Made> made = l.rows != null ? Schedule.of(b, c, l.rows, zone, problems)
                : CalendarFile.sessions(l.ics, b, c, zone, problems);
        return Schedule.of(made, problems);
    }

    private void use(Schedule s) {
        own = s.sessions;
        merge();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeCalendar",
            updated = "follow")
    void follow(CaptureCalendar calendar) {
        List<String> skipped = new ArrayList<>();
        List<Session> events;
        try {
            events = CalendarFile.platformSessions(calendar.ical(), calendar.room(), calendar.label(), zone, skipped);
        } catch (RuntimeException e) {
            // a calendar the school publishes with a mistake, read again at each poll: the message, the trace at DEBUG
            LOG.warn("{} of room {} does not read, its last good events stay: {}", calendar.label(), calendar.room(), e.getMessage());
            LOG.debug("{} of room {} does not read", calendar.label(), calendar.room(), e);
            return;
        }
        skipped.forEach(why -> LOG.warn("{} of room {}: {}", calendar.label(), calendar.room(), why));
        synchronized (this) {
            platform.put(calendar, events);
            merge();
        }
    }

    synchronized void removeCalendar(CaptureCalendar calendar) {
        if (platform.remove(calendar) != null) merge();
    }

    /** The timetable's sessions with the platforms' events, by the rule in this class's comment. */
    private synchronized void merge() {
        List<Session> events = new ArrayList<>();
        platform.values().forEach(events::addAll);
        events.sort(Comparator.comparing(Session::start));
        Map<String, List<Session>> kept = new HashMap<>();
        Map<String, Session> all = new LinkedHashMap<>();
        for (Session e : events) {
            List<Session> room = kept.computeIfAbsent(e.room(), r -> new ArrayList<>());
            Session clash = room.stream().filter(k -> overlap(k, e)).findFirst().orElse(null);
            if (clash != null || own.containsKey(e.id()) || all.containsKey(e.id())) {
                LOG.warn("Room {}: event {} ({} {}) left out, it overlaps or repeats event {}", e.room(), e.id(), e.start(), e.course(),
                        clash == null ? e.id() : clash.id());
                continue;
            }
            room.add(e);
            all.put(e.id(), e);
        }
        for (Session s : own.values()) {
            if (kept.getOrDefault(s.room(), List.of()).stream().noneMatch(e -> overlap(e, s))) all.put(s.id(), s);
        }
        NavigableMap<LocalDate, List<Session>> dates = new TreeMap<>();
        for (Session x : all.values()) dates.computeIfAbsent(x.date(), d -> new ArrayList<>()).add(x);
        dates.values().forEach(day -> day.sort(Comparator.comparing(Session::start)));
        if (!all.equals(byId)) revision++;
        byDate = dates;
        byId = all;
    }

    private static boolean overlap(Session a, Session b) {
        return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }

    /** The timetable's own sessions (platforms' events are theirs to export). */
    @Override
    public String exportCalendarFile() {
        return CalendarFile.write(own.values());
    }

    @Override
    public List<Session> sessions(LocalDate from, LocalDate to, String room) {
        if (to.isBefore(from)) throw new IllegalArgumentException("from " + from + " is after to " + to);
        List<Session> out = new ArrayList<>();
        for (List<Session> day : byDate.subMap(from, true, to, true).values()) {
            for (Session s : day) if (room == null || room.equals(s.room())) out.add(s);
        }
        return out;
    }

    @Override
    public Optional<Session> session(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id)));
    }

    @Override
    public long revision() {
        return revision;
    }

    Collection<Session> all() {
        return own.values();
    }
}
