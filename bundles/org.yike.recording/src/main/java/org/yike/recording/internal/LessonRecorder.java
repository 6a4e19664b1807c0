package org.yike.recording.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.catalog.CatalogEvents;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Ptz;
import org.yike.api.device.Source;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Profile;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingEvents;
import org.yike.api.recording.RecordingService;
import org.yike.api.recording.ScheduledLesson;
import org.yike.media.MediaRuntime;
import org.yike.settings.FrameworkSettings;

/**
 * The recording service. Devices, director strategies and encoder backends come and go as bundles
 * are installed; a running lesson keeps what it started with, so installing or removing one never
 * interrupts it. Lessons live under {@code <data>/recordings/<classroom>/<id>/}; one the catalog
 * deletes ({@link CatalogEvents#DELETED}) leaves the list at once.
 */
@Component(service = {RecordingService.class, EventHandler.class}, configurationPid = "org.yike.recording",
        property = {EventConstants.EVENT_TOPIC + "=" + ClassroomEvent.TOPIC_PREFIX + "*",
                EventConstants.EVENT_TOPIC + "=" + CatalogEvents.DELETED})
@Designate(ocd = RecordingConfig.class)
public class LessonRecorder implements RecordingService, EventHandler, Lesson.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(LessonRecorder.class);
    /** The backend every build has, preferred when falling back. */
    private static final String DEFAULT_BACKEND = "openh264";
    /** The service property that names the device a separate PTZ service moves. */
    static final String DEVICE_ID = "deviceId";
    /** The profile that is streamed live ({@link #live}). */
    private static final String LIVE = "live";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    final List<Device> devices = new CopyOnWriteArrayList<>();

    /**
     * PTZ services of their own (VISCA, Pelco-D: {@code org.yike.ptz.serial}), each for the device
     * its {@code deviceId} property names: they move a camera whose device has no PTZ.
     */
    private final Map<Ptz, String> ptzByDevice = new ConcurrentHashMap<>();

    private final List<DirectorStrategy> strategies = new CopyOnWriteArrayList<>();
    /** Which strategy service directs each running lesson (by lesson id); none while a shot is held. */
    private final Map<String, DirectorStrategy> directing = new ConcurrentHashMap<>();
    /** Classrooms an operator has taken over (directed by {@link #MANUAL} until resumed). */
    private final Set<String> operated = ConcurrentHashMap.newKeySet();
    static final String MANUAL = "manual";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    final List<EncoderBackend> backends = new CopyOnWriteArrayList<>();

    private final EventAdmin events;
    private final MediaRuntime media;
    private volatile RecordingConfig config;
    /** Linear gain by microphone source key, from the configuration. */
    private volatile Map<String, Double> gains;
    private final Path recordings;
    private final Map<String, LessonRecord> records = new ConcurrentHashMap<>();
    private final Map<String, Lesson> running = new ConcurrentHashMap<>();
    /** PTZ commands go out one by one, off the program thread. */
    private final ExecutorService ptz = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yike-ptz");
        t.setDaemon(true);
        return t;
    });
    /** How much faster than real time lessons run ({@code yike.clock.speed}); 1 but in simulations. */
    private final double speed;
    /** Finishes the files of lessons an earlier run was stopped in; the runtime need not wait for it. */
    private final Thread recovery;

    @Activate
    public LessonRecorder(BundleContext context, RecordingConfig config, @Reference EventAdmin events, @Reference MediaRuntime media) {
        this.config = config;
        this.gains = MicrophoneGains.parse(config.microphones());
        this.events = events;
        this.media = media;
        FrameworkSettings settings = FrameworkSettings.of(context);
        this.recordings = settings.dataFolder().resolve("recordings");
        this.speed = settings.clockSpeed();
        List<LessonRecord> interrupted = loadEarlierLessons();
        recovery = new Thread(() -> {
            // a lesson left when the component goes is recovered at the next start
            for (LessonRecord r : interrupted) if (!Thread.currentThread().isInterrupted()) recover(r);
        }, "yike-recover-lessons");
        recovery.start();
    }

    /** A new configuration applies to the next lesson; running lessons keep the profile they started with. */
    @Modified
    void modified(RecordingConfig changed) {
        this.gains = MicrophoneGains.parse(changed.microphones());
        this.config = changed;
        redirect();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(deviceId=*)")
    void addPtz(Ptz ptz, Map<String, Object> properties) {
        ptzByDevice.put(ptz, String.valueOf(properties.get(DEVICE_ID)));
    }

    void removePtz(Ptz ptz) {
        ptzByDevice.remove(ptz);
    }

    /** A strategy bundle installed or updated: lessons that want it are handed over to it at once. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStrategy(DirectorStrategy strategy) {
        strategies.add(strategy);
        redirect();
    }

    /** A strategy bundle going away: its lessons hold their shot until it, or another, is back. */
    void removeStrategy(DirectorStrategy strategy) {
        strategies.remove(strategy);
        redirect();
    }

    /** The strategy a classroom should be directed by now. */
    private String strategyFor(String room) {
        if (operated.contains(room)) return MANUAL;
        for (String line : config.directors()) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).trim().equals(room)) return line.substring(eq + 1).trim();
        }
        return config.director();
    }

    private Optional<DirectorStrategy> strategy(String id) {
        return strategies.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Hands each running lesson to the strategy it should have, if that is not the one directing it. */
    private synchronized void redirect() {
        for (Lesson l : running.values()) {
            String wanted = strategyFor(l.record.classroom);
            DirectorStrategy now = directing.get(l.record.id);
            Optional<DirectorStrategy> next = strategy(wanted);
            if (next.isPresent()) {
                if (next.get() == now) continue;
                directing.put(l.record.id, next.get());
                l.handOver(next.get().direct(l.record.classroom, l.programSources()), wanted);
            } else if (now != null && (!strategies.contains(now) || !now.id().equals(wanted))) {
                directing.remove(l.record.id);
                LOG.warn("Director strategy {} is not installed; classroom {} holds its shot", wanted, l.record.classroom);
                ProgramDecision last = l.record.lastDecision();
                l.handOver(new FixedShot(last != null ? last : ProgramDecision.full(0, l.videoSources().get(0), "no director")),
                        FixedShot.ID);
            }
        }
    }

    @Override
    public synchronized void cut(String classroom, ProgramDecision shot) {
        Lesson lesson = runningIn(classroom);
        List<String> missing = shot.shown().stream().filter(k -> !lesson.videoSources().contains(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("classroom " + classroom + " records no " + String.join(", ", missing)
                    + "; its sources: " + String.join(", ", lesson.videoSources()));
        }
        if (strategy(MANUAL).isEmpty()) throw new IllegalStateException("the manual director is not installed");
        operated.add(classroom);
        redirect();
        lesson.order(shot);
    }

    @Override
    public synchronized void resume(String classroom) {
        runningIn(classroom);
        operated.remove(classroom);
        redirect();
    }

    private Lesson runningIn(String classroom) {
        return running.values().stream().filter(l -> l.record.classroom.equals(classroom)).findFirst()
                .orElseThrow(() -> new IllegalStateException("classroom " + classroom + " is not recording"));
    }

    /**
     * The runtime stopping (SIGTERM, Ctrl-C: the framework stops every bundle) or this bundle going:
     * running lessons' files are finished first.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        recovery.interrupt();
        running.values().forEach(Lesson::stop);
        ptz.shutdownNow();
        // a lesson's remux, once begun, is let finish: a half-written copy would be left beside it
        recovery.join(TimeUnit.SECONDS.toMillis(30));
        if (!ptz.awaitTermination(5, TimeUnit.SECONDS) || recovery.isAlive()) {
            LOG.warn("Recording: a PTZ command or the recovery of an interrupted lesson is still running");
        }
    }

    /** Lists the lessons of earlier runs; answers those the runtime stopped in the middle of. */
    private List<LessonRecord> loadEarlierLessons() {
        List<LessonRecord> interrupted = new ArrayList<>();
        if (!Files.isDirectory(recordings)) return interrupted;
        try (Stream<Path> files = Files.find(recordings, 3, (p, a) -> p.endsWith(LessonRecord.METADATA))) {
            files.forEach(f -> {
                try {
                    LessonRecord r = LessonRecord.read(f.getParent());
                    records.put(r.id, r);
                    if (r.interrupted()) interrupted.add(r);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipping unreadable lesson {}: {}", f, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot list earlier lessons in {}: {}", recordings, e.getMessage());
        }
        return interrupted;
    }

    /**
     * The program file of an interrupted lesson is fragmented MP4, readable up to its last whole
     * fragment (at most one GOP lost); copying its streams into an ordinary MP4 finishes it.
     */
    private void recover(LessonRecord r) {
        Path program = r.program();
        try {
            if (!Files.isRegularFile(program) || Files.size(program) == 0) throw new IOException("no video was written");
            double seconds = 0;
            for (Path file : r.videos()) {
                Path done = file.resolveSibling(file.getFileName() + ".recovered.mp4");
                media.remux(file, done);
                if (file.equals(program)) seconds = media.probe(done).durationSeconds();
                Files.move(done, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            r.recovered(seconds);
            LOG.warn("Lesson {} was interrupted; its first {} s are recovered in {}", r.id, Math.round(seconds), program);
        } catch (IOException | RuntimeException e) {
            r.lost(e.getMessage());
            LOG.error("Lesson {} was interrupted and cannot be recovered: {}", r.id, e.getMessage());
        }
    }

    /** The recording profile (first: the program is made at its size), then live and mobile where on. */
    List<Profile> profiles() {
        RecordingConfig c = config;
        try {
            List<Profile> profiles = new ArrayList<>();
            profiles.add(new Profile("recording", c.width(), c.height(), c.fps(), c.videoKbps(), c.gopFrames(),
                    c.audioKbps(), 48000, 2, c.backend()));
            if (c.liveKbps() > 0) {
                profiles.add(new Profile(LIVE, c.liveWidth(), c.liveHeight(), c.liveFps(), c.liveKbps(),
                        c.liveGopFrames(), c.audioKbps(), 48000, 2, c.backend()));
            }
            if (c.mobileKbps() > 0) {
                profiles.add(new Profile("mobile", c.mobileWidth(), c.mobileHeight(), c.mobileFps(), c.mobileKbps(),
                        c.mobileGopFrames(), c.audioKbps(), 48000, 2, c.backend()));
            }
            return profiles;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the recording configuration (org.yike.recording) is wrong: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> classrooms() {
        TreeSet<String> rooms = new TreeSet<>();
        for (Device d : devices) {
            if (d.sources().stream().anyMatch(s -> !s.isAudio())) rooms.add(d.classroom());
        }
        return new ArrayList<>(rooms);
    }

    @Override
    public synchronized Recording start(String classroom, String title) {
        String room = classroom(classroom);
        return begin(room, title == null || title.isBlank() ? null : title, null);
    }

    @Override
    public synchronized Recording start(ScheduledLesson lesson) {
        return begin(classroom(lesson.room()), lesson.title(), lesson);
    }

    @Override
    public synchronized Recording fail(ScheduledLesson lesson, String reason) {
        String id = sessionId(lesson);
        LessonRecord record = new LessonRecord(id, lesson.room(), lesson.title(), recordings.resolve(safe(lesson.room())).resolve(id),
                List.of(), List.of(), lesson);
        record.end(Instant.now(), Recording.State.FAILED, reason);
        records.put(id, record);
        LOG.error("Lesson {} of classroom {} could not be recorded: {}", id, lesson.room(), reason);
        post(RecordingEvents.FAILED, record, Map.of(RecordingEvents.REASON, reason));
        return record.toRecording();
    }

    /** A lesson of the timetable is kept under its session's id; a further recording of it gets -2, -3… */
    private String sessionId(ScheduledLesson lesson) {
        String id = lesson.session();
        for (int i = 2; records.containsKey(id); i++) id = lesson.session() + "-" + i;
        return id;
    }

    private Recording begin(String room, String title, ScheduledLesson scheduled) {
        for (Lesson l : running.values()) {
            if (l.record.classroom.equals(room)) {
                throw new IllegalStateException("classroom " + room + " is already recording lesson " + l.record.id);
            }
        }
        List<Source> sources = sourcesOf(room);
        List<EncoderBackend> encoders = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        for (Profile wanted : profiles()) {
            EncoderBackend backend = backend(wanted);
            encoders.add(backend);
            profiles.add(wanted.withBackend(backend.id()));
        }
        // raw sources' own files are encoded as the recording profile is
        EncoderBackend rawEncoder = config.resourceMode() ? encoders.get(0) : null;
        requireFreeSpace();
        String id = scheduled == null ? newId(room) : sessionId(scheduled);
        LessonRecord record = new LessonRecord(id, room, title == null ? "Lesson " + id : title,
                recordings.resolve(safe(room)).resolve(id), profiles, sources, scheduled);
        List<ProfileOutput> outputs = new ArrayList<>();
        try {
            record.write();
            for (int i = 0; i < profiles.size(); i++) {
                Profile p = profiles.get(i);
                outputs.add(new ProfileOutput(p, encoders.get(i).open(p, record.programs().get(i)), record.id));
            }
        } catch (IOException | RuntimeException e) {
            outputs.forEach(ProfileOutput::abandon);
            throw new IllegalStateException("cannot start recording " + id + ": " + e.getMessage(), e);
        }
        String strategyId = strategyFor(room);
        Optional<DirectorStrategy> strategy = strategy(strategyId);
        Director director = strategy.map(s -> s.direct(room, programSources(sources))).orElseGet(() -> {
            LOG.warn("Director strategy {} is not installed; classroom {} shows its first camera until it is",
                    strategyId, room);
            return new FixedShot(ProgramDecision.full(0, programSources(sources).get(0).key(), "no director"));
        });
        Lesson lesson = new Lesson(record, profiles.get(0), sources, director, strategy.isPresent() ? strategyId
                : FixedShot.ID, outputs, this, this::minFreeBytes, key -> gains.getOrDefault(key, 1.0), config, media, speed,
                rawEncoder);
        strategy.ifPresent(s -> directing.put(id, s));
        records.put(id, record);
        running.put(id, lesson);
        lesson.start();
        LOG.info("Recording lesson {} of classroom {} to {}", id, room, record.program());
        post(RecordingEvents.STARTED, record, Map.of(RecordingEvents.FILE, record.program().toString()));
        return record.toRecording();
    }

    @Override
    public Recording stop(String id) {
        Lesson lesson = running.get(id);
        if (lesson == null) {
            if (records.containsKey(id)) return records.get(id).toRecording();
            throw new IllegalArgumentException("no recording " + id);
        }
        lesson.stop();
        return lesson.record.toRecording();
    }

    @Override
    public InputStream live(String id) throws IOException {
        Lesson lesson = running.get(id);
        if (lesson == null) {
            throw new IllegalArgumentException(records.containsKey(id) ? "lesson " + id + " is not recording any more"
                    : "no recording " + id);
        }
        Path file = lesson.record.program(LIVE).orElseThrow(() -> new IllegalStateException(
                "lesson " + id + " has no live profile (its bitrate is 0 in org.yike.recording)"));
        return new LiveFile(file, () -> running.get(id) == lesson);
    }

    @Override
    public List<Recording> list() {
        return records.values().stream().map(LessonRecord::toRecording)
                .sorted(Comparator.comparing(Recording::started).reversed()).toList();
    }

    @Override
    public Optional<Recording> get(String id) {
        return Optional.ofNullable(records.get(id)).map(LessonRecord::toRecording);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().equals(CatalogEvents.DELETED)) {
            if (event.getProperty(CatalogEvents.ID) instanceof String id) forget(id);
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) properties.put(name, event.getProperty(name));
        ClassroomEvent e;
        try {
            e = ClassroomEvent.fromProperties(properties);
        } catch (IllegalArgumentException ignored) {
            LOG.debug("Ignoring malformed classroom event on {}", event.getTopic());
            return;
        }
        for (Lesson l : running.values()) {
            if (l.record.classroom.equals(e.classroom())) l.offer(e);
        }
    }

    /** The catalog deleted a lesson: it leaves the list, unless it records or its folder is still there. */
    private void forget(String id) {
        records.computeIfPresent(id, (k, r) -> running.containsKey(k) || Files.exists(r.folder) ? r : null);
    }

    @Override
    public void decided(Lesson lesson, ProgramDecision d) {
        d.framing().forEach((key, framing) -> {
            if (framing.preset() != null) ptz.execute(() -> gotoPreset(key, framing.preset()));
        });
        post(RecordingEvents.PROGRAM_CHANGED, lesson.record, Map.of(RecordingEvents.SOURCES, d.sources(),
                RecordingEvents.LAYOUT, d.layout().name(), RecordingEvents.REASON, d.cause()));
    }

    @Override
    public void sourceChanged(Lesson lesson, Source source, String problem) {
        post(RecordingEvents.SOURCE_STATE, lesson.record, Map.of(RecordingEvents.SOURCES, List.of(source.key()),
                RecordingEvents.REASON, problem == null ? "back" : problem));
    }

    @Override
    public void ended(Lesson lesson) {
        running.remove(lesson.record.id);
        directing.remove(lesson.record.id);
        Recording r = lesson.record.toRecording();
        LOG.info("Lesson {} {}: {}", r.id(), r.state() == Recording.State.FINISHED ? "finished" : "failed",
                r.error() == null ? lesson.record.program() : r.error());
        post(r.state() == Recording.State.FINISHED ? RecordingEvents.STOPPED : RecordingEvents.FAILED, lesson.record,
                r.error() == null ? Map.of(RecordingEvents.FILE, lesson.record.program().toString())
                        : Map.of(RecordingEvents.REASON, r.error()));
    }

    @Override
    public void diskLow(Lesson lesson, long freeBytes, String reason) {
        post(RecordingEvents.DISK_LOW, lesson.record, Map.of(RecordingEvents.FREE_BYTES, freeBytes,
                RecordingEvents.REASON, reason));
    }

    @Override
    public void levels(Lesson lesson, List<Mixer.Level> levels) {
        for (Mixer.Level l : levels) {
            post(RecordingEvents.AUDIO_LEVEL, lesson.record, Map.of(RecordingEvents.SOURCES, List.of(l.source()),
                    RecordingEvents.RMS_DB, l.rmsDb(), RecordingEvents.PEAK_DB, l.peakDb()));
        }
    }

    /** Voices go out like any classroom event, and come back to the lesson's director through {@link #handleEvent}. */
    @Override
    public void heard(Lesson lesson, ClassroomEvent voice) {
        events.postEvent(new Event(voice.topic(), voice.properties()));
    }

    /** A camera that is slow or fails to move costs the shot its framing, never the lesson its program. */
    private void gotoPreset(String sourceKey, String preset) {
        String deviceId = sourceKey.substring(0, sourceKey.indexOf('/'));
        try {
            ptz(deviceId).ifPresentOrElse(p -> p.gotoPreset(preset),
                    () -> LOG.warn("Device {} has no PTZ; preset {} ignored", deviceId, preset));
        } catch (RuntimeException e) {
            LOG.warn("Device {} did not go to preset {}: {}", deviceId, preset, e.getMessage());
        }
    }

    /** The device's own PTZ, else a PTZ service registered for its id. */
    Optional<Ptz> ptz(String deviceId) {
        Optional<Ptz> own = devices.stream().filter(d -> d.id().equals(deviceId)).findFirst().flatMap(Device::ptz);
        if (own.isPresent()) return own;
        return ptzByDevice.entrySet().stream().filter(e -> e.getValue().equals(deviceId)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public long minFreeBytes() {
        return config.minFreeMegabytes() << 20;
    }

    private void requireFreeSpace() {
        long free;
        try {
            Files.createDirectories(recordings);
            free = Files.getFileStore(recordings).getUsableSpace();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write recordings to " + recordings + ": " + e.getMessage(), e);
        }
        if (free >= minFreeBytes()) return;
        String reason = String.format("only %d MB free for recordings in %s, below the least of %d MB; no lesson starts",
                free >> 20, recordings, config.minFreeMegabytes());
        events.postEvent(new Event(RecordingEvents.DISK_LOW, Map.of(RecordingEvents.FREE_BYTES, free,
                RecordingEvents.REASON, reason)));
        throw new IllegalStateException(reason);
    }

    private String classroom(String wanted) {
        List<String> rooms = classrooms();
        if (wanted == null || wanted.isBlank()) {
            if (rooms.size() == 1) return rooms.get(0);
            throw new IllegalArgumentException(rooms.isEmpty() ? "no classroom has a camera yet"
                    : "name the classroom to record: " + String.join(", ", rooms));
        }
        if (!rooms.contains(wanted)) {
            throw new IllegalArgumentException("no classroom '" + wanted + "' with a camera; classrooms: "
                    + (rooms.isEmpty() ? "none" : String.join(", ", rooms)));
        }
        return wanted;
    }

    /** The sources of the classroom's devices that are online; each source key once. */
    private List<Source> sourcesOf(String room) {
        List<Source> sources = new ArrayList<>();
        for (Device d : devices) {
            if (!d.classroom().equals(room)) continue;
            if (d.status().state() != DeviceStatus.State.ONLINE) {
                LOG.warn("Classroom {}: device {} is {}, left out", room, d.id(), d.status());
                continue;
            }
            for (Source s : d.sources()) {
                if (sources.stream().noneMatch(o -> o.key().equals(s.key()))) sources.add(s);
            }
        }
        if (sources.stream().allMatch(Source::isAudio)) {
            throw new IllegalStateException("classroom " + room + " has no camera online");
        }
        return sources;
    }

    /** The backend the profile prefers, else another available one, with a log line saying so. */
    private EncoderBackend backend(Profile profile) {
        EncoderBackend fallback = null;
        for (EncoderBackend b : backends) {
            if (!b.available()) continue;
            if (b.id().equals(profile.backend())) return b;
            if (fallback == null || b.id().equals(DEFAULT_BACKEND)) fallback = b;
        }
        if (fallback == null) throw new IllegalStateException("no encoder backend is installed and available");
        LOG.warn("Encoder backend {} is not available for profile {}; using {}", profile.backend(), profile.name(),
                fallback.id());
        return fallback;
    }

    static List<ProgramSource> programSources(List<Source> sources) {
        return sources.stream().filter(s -> !s.isAudio()).map(s -> new ProgramSource(s.key(), s.role(), s.label())).toList();
    }

    private String newId(String room) {
        String base = LocalDateTime.now().format(ID_TIME) + "-" + safe(room);
        String id = base;
        for (int i = 2; records.containsKey(id); i++) id = base + "-" + i;
        return id;
    }

    /** A classroom name as a folder and id part: letters (any script), digits, '-' and '_'. */
    static String safe(String room) {
        String s = room.replaceAll("[^\\p{L}\\p{N}_-]", "_");
        return s.isEmpty() ? "_" : s;
    }

    private void post(String topic, LessonRecord r, Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put(RecordingEvents.ID, r.id);
        p.put(RecordingEvents.CLASSROOM, r.classroom);
        events.postEvent(new Event(topic, p));
    }
}
