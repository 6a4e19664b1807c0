package org.yike.recording.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

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
import org.yike.api.device.Ptz;
import org.yike.api.device.Source;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.ProgramDecision;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.live.LiveStream;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingService;
import org.yike.api.recording.ScheduledLesson;
import org.yike.media.MediaRuntime;
import org.yike.recording.internal.lesson.DiskGuard;
import org.yike.recording.internal.lesson.Lesson;
import org.yike.recording.internal.lesson.LessonArchive;
import org.yike.recording.internal.lesson.LessonRecord;
import org.yike.recording.internal.live.Channel;
import org.yike.recording.internal.live.LiveChannels;
import org.yike.recording.internal.vision.PictureFeeds;
import org.yike.recording.internal.output.LiveFile;
import org.yike.recording.internal.output.ProfileOutput;
import org.yike.recording.internal.program.Directing;
import org.yike.recording.internal.program.MicrophoneGains;
import org.yike.recording.internal.recovery.Recovery;
import org.yike.settings.FrameworkSettings;

/**
 * The recording service. Devices, director strategies and encoder backends come and go as bundles
 * are installed; a running lesson keeps what it started with, so installing or removing one never
 * interrupts it. Lessons live under {@code <data>/recordings/<classroom>/<id>/}; one the catalog
 * deletes ({@link CatalogEvents#DELETED}) leaves the list at once. Its other jobs are classes of
 * their own: {@link DirectorRouting}, {@link PtzRouting}, {@link Classrooms}, {@link Profiles},
 * {@link DiskGuard}, {@link LessonEvents}, {@link Recovery}.
 */
@Component(service = {RecordingService.class, EventHandler.class}, configurationPid = "org.yike.recording",
        property = {EventConstants.EVENT_TOPIC + "=" + ClassroomEvent.TOPIC_PREFIX + "*",
                EventConstants.EVENT_TOPIC + "=" + CatalogEvents.DELETED})
@Designate(ocd = RecordingConfig.class)
public class LessonRecorder implements RecordingService, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LessonRecorder.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    final List<Device> devices = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    final List<EncoderBackend> backends = new CopyOnWriteArrayList<>();

    private final MediaRuntime media;
    /** Where each profile's packets go live, as they leave its encoder. */
    private final LiveChannels live;
    /** Where analysis plugins get the cameras' pictures. */
    private final PictureFeeds pictures;
    private volatile RecordingConfig config;
    /** Linear gain by microphone source key, from the configuration. */
    private volatile Map<String, Double> gains;
    private final LessonArchive archive;
    private final Map<String, Lesson> running = new ConcurrentHashMap<>();
    private final Classrooms classrooms = new Classrooms(devices);
    private final DirectorRouting routing = new DirectorRouting(() -> config);
    private final PtzRouting ptz = new PtzRouting(devices);
    private final DiskGuard disk;
    private final LessonEvents events;
    /** How much faster than real time lessons run ({@code yike.clock.speed}); 1 but in simulations. */
    private final double speed;
    private final Recovery recovery;

    @Activate
    public LessonRecorder(BundleContext context, RecordingConfig config, @Reference EventAdmin events, @Reference MediaRuntime media,
            @Reference LiveChannels live, @Reference PictureFeeds pictures) {
        this.live = live;
        this.pictures = pictures;
        this.config = config;
        this.gains = MicrophoneGains.parse(config.microphones());
        this.events = new LessonEvents(events, ptz, this::ended);
        this.media = media;
        FrameworkSettings settings = FrameworkSettings.of(context);
        Path recordings = settings.dataFolder().resolve("recordings");
        this.archive = new LessonArchive(recordings);
        this.disk = new DiskGuard(recordings, this::minFreeBytes);
        this.speed = settings.clockSpeed();
        recovery = new Recovery(media, archive.load());
        recovery.start();
    }

    /** A new configuration applies to the next lesson; running lessons keep the profile they started with. */
    @Modified
    void modified(RecordingConfig changed) {
        this.gains = MicrophoneGains.parse(changed.microphones());
        this.config = changed;
        redirect();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + PtzRouting.DEVICE_ID + "=*)")
    void addPtz(Ptz ptz, Map<String, Object> properties) {
        this.ptz.add(ptz, properties);
    }

    void removePtz(Ptz ptz) {
        this.ptz.remove(ptz);
    }

    /** A strategy bundle installed or updated: lessons that want it are handed over to it at once. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStrategy(DirectorStrategy strategy) {
        routing.add(strategy);
        redirect();
    }

    /** A strategy bundle going away: its lessons hold their shot until it, or another, is back. */
    void removeStrategy(DirectorStrategy strategy) {
        routing.remove(strategy);
        redirect();
    }

    private synchronized void redirect() {
        routing.redirect(running.values());
    }

    @Override
    public synchronized void cut(String classroom, ProgramDecision shot) {
        Lesson lesson = runningIn(classroom);
        routing.operate(lesson, shot);
        redirect();
        lesson.order(shot);
    }

    @Override
    public synchronized void resume(String classroom) {
        runningIn(classroom);
        routing.release(classroom);
        redirect();
    }

    @Override
    public Map<String, List<String>> presets(String classroom) {
        Lesson lesson;
        synchronized (this) {
            lesson = runningIn(classroom);
        }
        return ptz.presets(lesson.videoSources()); // asking cameras takes time: not while holding the recorder
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
        recovery.stop();
        running.values().forEach(Lesson::stop);
        ptz.stop();
        boolean recovered = recovery.awaitEnd(TimeUnit.SECONDS.toMillis(30));
        if (!ptz.awaitEnd(5) || !recovered) {
            LOG.warn("Recording: a PTZ command or the recovery of an interrupted lesson is still running");
        }
    }

    @Override
    public List<String> classrooms() {
        return classrooms.names();
    }

    @Override
    public synchronized Recording start(String classroom, String title) {
        String room = classrooms.choose(classroom);
        return begin(room, title == null || title.isBlank() ? null : title, null);
    }

    @Override
    public synchronized Recording start(ScheduledLesson lesson) {
        return begin(classrooms.choose(lesson.room()), lesson.title(), lesson);
    }

    @Override
    public synchronized Recording fail(ScheduledLesson lesson, String reason) {
        String id = archive.sessionId(lesson);
        LessonRecord record = new LessonRecord(id, lesson.room(), lesson.title(), archive.folder(lesson.room(), id),
                List.of(), List.of(), lesson);
        record.end(Instant.now(), Recording.State.FAILED, reason);
        archive.add(record);
        LOG.error("Lesson {} of classroom {} could not be recorded: {}", id, lesson.room(), reason);
        events.failed(record, reason);
        return record.toRecording();
    }

    private Recording begin(String room, String title, ScheduledLesson scheduled) {
        for (Lesson l : running.values()) {
            if (l.record.classroom.equals(room)) {
                throw new IllegalStateException("classroom " + room + " is already recording lesson " + l.record.id);
            }
        }
        List<Source> sources = classrooms.sourcesOf(room);
        List<Profiles.Encoder> encoders = Profiles.encoders(config, backends);
        // raw sources' own files are encoded as the recording profile is
        EncoderBackend rawEncoder = config.resourceMode() ? encoders.get(0).backend() : null;
        disk.beforeStart((reason, free) -> events.diskLow(free, reason));
        String id = scheduled == null ? archive.newId(room) : archive.sessionId(scheduled);
        LessonRecord record = new LessonRecord(id, room, title == null ? "Lesson " + id : title, archive.folder(room, id),
                encoders.stream().map(Profiles.Encoder::profile).toList(), sources, scheduled);
        List<ProfileOutput> outputs = new ArrayList<>();
        try {
            record.write();
            for (int i = 0; i < encoders.size(); i++) {
                Profiles.Encoder e = encoders.get(i);
                Channel channel = live.channel(room, e.profile().name(), LiveStream.Origin.PROGRAM, id);
                outputs.add(new ProfileOutput(e.profile(), e.backend().open(e.profile(), record.programs().get(i), channel), record.id));
            }
        } catch (IOException | RuntimeException e) {
            outputs.forEach(ProfileOutput::abandon);
            live.endLesson(id);
            throw new IllegalStateException("cannot start recording " + id + ": " + e.getMessage(), e);
        }
        DirectorRouting.Opening opening = routing.open(room, Directing.programSources(sources));
        Lesson lesson = new Lesson(record, encoders.get(0).profile(), sources, opening.director(), opening.strategy(),
                outputs, events, disk, key -> gains.getOrDefault(key, 1.0), config, media, speed, rawEncoder, live, pictures);
        routing.started(id, opening);
        archive.add(record);
        running.put(id, lesson);
        lesson.start();
        LOG.info("Recording lesson {} of classroom {} to {}", id, room, record.program());
        events.started(record);
        return record.toRecording();
    }

    @Override
    public Recording stop(String id) {
        Lesson lesson = running.get(id);
        if (lesson == null) {
            return archive.get(id).map(LessonRecord::toRecording)
                    .orElseThrow(() -> new IllegalArgumentException("no recording " + id));
        }
        lesson.stop();
        return lesson.record.toRecording();
    }

    @Override
    public InputStream live(String id) throws IOException {
        Lesson lesson = running.get(id);
        if (lesson == null) {
            throw new IllegalArgumentException(archive.get(id).isPresent() ? "lesson " + id + " is not recording any more"
                    : "no recording " + id);
        }
        Path file = lesson.record.program(Profiles.LIVE).orElseThrow(() -> new IllegalStateException(
                "lesson " + id + " has no live profile (its bitrate is 0 in org.yike.recording)"));
        return new LiveFile(file, () -> running.get(id) == lesson);
    }

    @Override
    public List<Recording> list() {
        return archive.list();
    }

    @Override
    public Optional<Recording> get(String id) {
        return archive.get(id).map(LessonRecord::toRecording);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().equals(CatalogEvents.DELETED)) {
            if (event.getProperty(CatalogEvents.ID) instanceof String id) archive.forget(id, running::containsKey);
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

    /** A lesson ended: it runs no more, nor do its live streams. */
    private void ended(Lesson lesson) {
        live.endLesson(lesson.record.id);
        pictures.endLesson(lesson.record.id);
        running.remove(lesson.record.id);
        routing.ended(lesson.record.id);
    }

    @Override
    public long minFreeBytes() {
        return config.minFreeMegabytes() << 20;
    }
}
