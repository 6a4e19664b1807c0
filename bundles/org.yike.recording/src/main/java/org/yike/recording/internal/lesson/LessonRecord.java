package org.yike.recording.internal.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Source;
import org.yike.api.director.Layout;
import org.yike.api.director.Framing;
import org.yike.api.director.ProgramDecision;
import org.yike.api.encoder.Profile;
import org.yike.api.recording.Recording;
import org.yike.api.recording.ScheduledLesson;

/**
 * What is known about a lesson, as written to its {@code lesson.json} beside the video: written
 * when the lesson starts and again when it ends, each time whole (a temporary file renamed over
 * the last one), so a reader never sees half of it.
 */
public final class LessonRecord {

    static final String METADATA = "lesson.json";
    static final String PROGRAM = "program.mp4";

    private static final Logger LOG = LoggerFactory.getLogger(LessonRecord.class);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public final String id;
    public final String classroom;
    final Path folder;
    private final Metadata m;
    /** The running lesson's clock, in milliseconds; null for a lesson of an earlier run. */
    private LongSupplier clock;

    /** The file's shape; field names are the JSON keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    static final class Metadata {
        public String id;
        public String classroom;
        public String title;
        public Recording.State state;
        public String started;
        public String ended;
        public String error;
        public boolean partial;
        /** How far the lesson's clock ran: the program's length. */
        public long recordedMillis;
        /** The timetable's session this lesson records; absent for a lesson started by hand. */
        public SessionEntry session;
        public List<Profile> profiles = new ArrayList<>();
        /** How raw sources' own files are encoded, each profile named by its source's key (cameras' files are copies). */
        public List<Profile> resourceProfiles = new ArrayList<>();
        public List<Recording.RecordedFile> files = new ArrayList<>();
        public List<SourceEntry> sources = new ArrayList<>();
        public List<Decision> decisions = new ArrayList<>();
        public List<SourceState> sourceEvents = new ArrayList<>();
        public List<Heard> classroomEvents = new ArrayList<>();
    }

    /** What the timetable says of the lesson, for the catalog: {@link ScheduledLesson} in JSON's own words. */
    record SessionEntry(String id, String room, String date, int period, String label, String course, String teacher,
            @JsonProperty("class") String schoolClass, String start, String end, String missed) {

        static SessionEntry of(ScheduledLesson l) {
            return new SessionEntry(l.session(), l.room(), l.date().toString(), l.period(), l.label(), l.course(), l.teacher(),
                    l.schoolClass(), l.start().toString(), l.end().toString(), l.missed());
        }

        ScheduledLesson lesson() {
            return new ScheduledLesson(id, room, LocalDate.parse(date), period, label, course, teacher, schoolClass,
                    Instant.parse(start), Instant.parse(end), missed);
        }
    }

    /** A classroom event the lesson's director heard, {@code atMillis} into the lesson. */
    record Heard(long atMillis, String type, String device, String source, Double x, Double y) {
    }

    record SourceEntry(String key, String device, String role, String label, String locator) {
    }

    /**
     * A shot of the program's timeline: from {@code atMillis} (the first frame that shows it), why
     * ({@code cause}, in words), what made the director choose it ({@code trigger}: {@code event:<type>},
     * {@code operator}, {@code time}, {@code handover}, {@code start}) and which strategy did.
     */
    record Decision(long atMillis, String layout, List<String> sources, Map<String, Framing> framing, String cause,
            String trigger, String strategy) {
    }

    /** A source was lost ({@code problem} says why) or came back ({@code problem} null). */
    record SourceState(long atMillis, String source, String problem) {
    }

    /**
     * A new lesson; {@code lesson}: the timetable's session it records, or null. A session recorded
     * from later than its start is partial from the outset, saying what was missed.
     */
    public LessonRecord(String id, String classroom, String title, Path folder, List<Profile> profiles, List<Source> sources,
            ScheduledLesson lesson) {
        this.id = id;
        this.classroom = classroom;
        this.folder = folder;
        m = new Metadata();
        m.id = id;
        m.classroom = classroom;
        m.title = title;
        m.state = Recording.State.RECORDING;
        m.started = Instant.now().toString();
        if (lesson != null) {
            m.session = SessionEntry.of(lesson);
            if (lesson.missed() != null) {
                m.partial = true;
                m.error = lesson.missed();
            }
        }
        m.profiles.addAll(profiles);
        for (int i = 0; i < profiles.size(); i++) {
            String name = i == 0 ? PROGRAM : "program-" + profiles.get(i).name() + ".mp4";
            m.files.add(Recording.RecordedFile.program(folder.resolve(name).toString(), profiles.get(i).name()));
        }
        m.files.add(Recording.RecordedFile.metadata(folder.resolve(METADATA).toString()));
        for (Source s : sources) {
            m.sources.add(new SourceEntry(s.key(), s.deviceId(), s.role().name(), s.label(), s.locator().redacted()));
        }
    }

    private LessonRecord(Metadata m, Path folder) {
        this.id = m.id;
        this.classroom = m.classroom;
        this.folder = folder;
        this.m = m;
    }

    /** A lesson from an earlier run, as its metadata says; see {@link #interrupted()}. */
    static LessonRecord read(Path folder) throws IOException {
        Metadata m = JSON.readValue(folder.resolve(METADATA).toFile(), Metadata.class);
        if (m.id == null || m.classroom == null) throw new IOException(folder.resolve(METADATA) + " names no lesson");
        try {
            Instant.parse(m.started);
        } catch (RuntimeException e) {
            throw new IOException(folder.resolve(METADATA) + " has no readable start time (" + m.started + ")", e);
        }
        if (m.session != null) {
            try {
                m.session.lesson();
            } catch (RuntimeException e) {
                // the recording is still a lesson; only its place in the timetable is lost
                LOG.warn("Lesson {}: its timetable entry in {} is unreadable and left out", m.id, folder.resolve(METADATA), e);
                m.session = null;
            }
        }
        return new LessonRecord(m, folder);
    }

    /** Read from an earlier run and still recording: the runtime stopped during the lesson. */
    synchronized boolean interrupted() {
        return m.state == Recording.State.RECORDING;
    }

    /** The lesson ends before anyone stopped it, for this reason; its file stays complete. */
    synchronized void endsEarly(String reason) {
        m.partial = true;
        m.error = reason;
    }

    /**
     * An interrupted lesson whose file was finished afterwards, {@code seconds} long; {@code unreadable}
     * names the files left out, with why.
     */
    public synchronized void recovered(double seconds, List<String> unreadable) {
        m.partial = true;
        m.state = Recording.State.FINISHED;
        m.recordedMillis = Math.round(seconds * 1000);
        m.ended = Instant.parse(m.started).plusMillis(m.recordedMillis).toString();
        m.error = String.format(java.util.Locale.ROOT,
                "interrupted: the runtime stopped during the lesson; recovered %.1f s on the next start", seconds)
                + (unreadable.isEmpty() ? "" : "; left out, unreadable: " + String.join(", ", unreadable));
        write();
    }

    /** A file of the lesson that could not be read back is no longer listed (it stays on disk). */
    public synchronized void leaveOut(Path file) {
        m.files.removeIf(f -> Path.of(f.path()).equals(file));
    }

    /** An interrupted lesson whose file could not be read back. */
    public synchronized void lost(String why) {
        m.partial = true;
        m.state = Recording.State.FAILED;
        m.error = "interrupted: the runtime stopped during the lesson, and the file is unreadable: " + why;
        write();
    }

    /** The program file of the recording profile. */
    public Path program() {
        return folder.resolve(PROGRAM);
    }

    /** The program files, one per profile, in the order of the profiles. */
    public synchronized List<Path> programs() {
        return files("program");
    }

    /** Every video file: the programs, then the sources' resource files. */
    public synchronized List<Path> videos() {
        List<Path> all = new ArrayList<>(programs());
        all.addAll(files("resource"));
        return all;
    }

    /** The program file of the profile named {@code profile}, where the lesson has that profile. */
    public synchronized Optional<Path> program(String profile) {
        return m.files.stream().filter(f -> f.kind().equals("program") && profile.equals(f.profile()))
                .map(f -> Path.of(f.path())).findFirst();
    }

    private List<Path> files(String kind) {
        return m.files.stream().filter(f -> f.kind().equals(kind)).map(f -> Path.of(f.path())).toList();
    }

    synchronized void decided(ProgramDecision d, String trigger, String strategy) {
        m.decisions.add(new Decision(d.atMillis(), d.layout().name(), d.shown(), d.framing().isEmpty() ? null : d.framing(),
                d.cause(), trigger, strategy));
    }

    public synchronized ProgramDecision lastDecision() {
        if (m.decisions.isEmpty()) return null;
        Decision d = m.decisions.get(m.decisions.size() - 1);
        return new ProgramDecision(d.atMillis(), Layout.valueOf(d.layout()), d.sources(), d.cause(), d.framing());
    }

    /** A raw source's own file is encoded so (its profile named by the source's key); written with its first file. */
    synchronized void encodedAs(Profile own) {
        m.resourceProfiles.removeIf(p -> p.name().equals(own.name()));
        m.resourceProfiles.add(own);
    }

    /** A source's resource file began, {@code atMillis} into the lesson; written at once, so a crash keeps it. */
    synchronized void resourceStarted(String source, Path file, long atMillis) {
        m.files.add(Recording.RecordedFile.resource(file.toString(), source, atMillis));
        write();
    }

    synchronized void heard(long atMillis, ClassroomEvent e) {
        m.classroomEvents.add(new Heard(atMillis, e.type().name(), e.deviceId(), e.sourceId(), e.x(), e.y()));
    }

    synchronized void sourceEvent(long atMillis, String source, String problem) {
        m.sourceEvents.add(new SourceState(atMillis, source, problem));
    }

    /** The lesson's clock, in milliseconds, which {@link Recording#recordedMillis()} reports. */
    synchronized void timedBy(LongSupplier clock) {
        this.clock = clock;
    }

    /** The lesson ended; {@code failure} (or {@code null}) says what broke it. */
    public synchronized void end(Instant when, Recording.State state, String failure) {
        if (clock != null) m.recordedMillis = clock.getAsLong();
        m.ended = when.toString();
        m.state = state;
        if (failure != null) m.error = failure;
        write();
    }

    public synchronized Recording toRecording() {
        return new Recording(m.id, m.classroom, m.title, m.state, Instant.parse(m.started),
                m.ended == null ? null : Instant.parse(m.ended), m.files, m.error, m.partial,
                m.session == null ? null : m.session.lesson(),
                m.state == Recording.State.RECORDING && clock != null ? clock.getAsLong() : m.recordedMillis);
    }

    public synchronized void write() {
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(METADATA + ".tmp");
            JSON.writeValue(tmp.toFile(), m);
            Files.move(tmp, folder.resolve(METADATA), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(METADATA) + ": " + e.getMessage(), e);
        }
    }
}
