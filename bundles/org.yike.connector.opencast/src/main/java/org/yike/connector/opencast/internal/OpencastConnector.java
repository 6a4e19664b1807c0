package org.yike.connector.opencast.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.connector.CaptureCalendar;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.device.Device;
import org.yike.api.device.Source;
import org.yike.api.publish.PublishService;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingService;
import org.yike.settings.FrameworkSettings;

/**
 * Opencast targets: each finished lesson is ingested (createMediaPackage, addDCCatalog, addTrack
 * per file with its flavor, ingest with the target's workflow); a target with an {@code agentName}
 * also makes its room a capture agent ({@link CaptureAgent}) whose calendar is offered as a
 * {@link CaptureCalendar} service.
 */
@Component(service = PlatformConnector.class)
public class OpencastConnector implements PlatformConnector {

    static final String FACTORY_PID = "org.yike.connector.opencast.target";
    private static final Logger LOG = LoggerFactory.getLogger(OpencastConnector.class);

    /** What the agents need of the runtime. */
    interface Rooms {
        /** Whether the room records now. */
        boolean recording(String room);

        /** Its sources, comma-separated. */
        String sources(String room);

        /** Its recordings, running and ended. */
        List<Recording> lessons(String room);

        /** Queues a finished recording for the target, once. */
        void ingest(String recording, String target);
    }

    private final Rooms rooms;
    private final Path cacheFolder;
    private final Consumer<CaptureAgent> calendarChanged;
    private final Consumer<CaptureAgent> agentGone;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yike-opencast-agents");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CaptureAgent> agents = new ConcurrentHashMap<>();
    private final Map<CaptureAgent, ServiceRegistration<CaptureCalendar>> calendars = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<Device> devices = List.of();

    /**
     * Taken only when a recording is ingested: the publishing service uses this connector too, and
     * holding it from the start would make each need the other to be created first.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ComponentServiceObjects<PublishService> publishing;

    @Activate
    public OpencastConnector(@Reference RecordingService recordings, BundleContext context) {
        this.rooms = new Rooms() {
            @Override
            public boolean recording(String room) {
                return recordings.list().stream().anyMatch(r -> r.classroom().equals(room) && r.state() == Recording.State.RECORDING);
            }

            @Override
            public String sources(String room) {
                return devices.stream().filter(d -> room.equals(d.classroom())).flatMap(d -> d.sources().stream())
                        .map(Source::id).distinct().sorted().collect(Collectors.joining(","));
            }

            @Override
            public List<Recording> lessons(String room) {
                return recordings.list().stream().filter(r -> r.classroom().equals(room)).toList();
            }

            @Override
            public void ingest(String recording, String target) {
                ComponentServiceObjects<PublishService> service = publishing;
                PublishService p = service == null ? null : service.getService();
                if (p == null) {
                    LOG.warn("Recording {} of an Opencast event is not ingested: no publishing service runs", recording);
                    return;
                }
                try {
                    if (p.jobs().stream().noneMatch(j -> j.recording().equals(recording) && j.target().equals(target))) {
                        p.publish(recording, target);
                    }
                } finally {
                    service.ungetService(p);
                }
            }
        };
        this.cacheFolder = FrameworkSettings.of(context).dataFolder().resolve("publish").resolve("opencast");
        // registered at the first calendar, modified at each new one so that the timetable hears of it
        this.calendarChanged = agent -> calendars.compute(agent, (a, r) -> {
            if (r == null) return context.registerService(CaptureCalendar.class, a, properties(a));
            r.setProperties(properties(a));
            return r;
        });
        this.agentGone = agent -> {
            ServiceRegistration<CaptureCalendar> r = calendars.remove(agent);
            if (r != null) r.unregister();
        };
    }

    OpencastConnector(Rooms rooms, Path cacheFolder, Consumer<CaptureAgent> calendarChanged) {
        this.rooms = rooms;
        this.cacheFolder = cacheFolder;
        this.calendarChanged = calendarChanged;
        this.agentGone = agent -> { };
    }

    @Override
    public String type() {
        return "opencast";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    /** An agent for each target that names one; agents of changed or removed targets stop. */
    @Override
    public synchronized void targets(Map<String, Map<String, Object>> byName) {
        Map<String, OpencastSettings> wanted = new HashMap<>();
        byName.forEach((name, config) -> {
            OpencastSettings s = OpencastSettings.of(config);
            if (!s.agent().isEmpty()) wanted.put(name, s);
        });
        agents.entrySet().removeIf(e -> {
            if (Objects.equals(wanted.get(e.getKey()), e.getValue().settings())) return false;
            e.getValue().close();
            agentGone.accept(e.getValue());
            return true;
        });
        wanted.forEach((name, s) -> agents.computeIfAbsent(name, n -> new CaptureAgent(n, s, cacheFolder, rooms, calendarChanged, timer)));
    }

    /**
     * Ingests the lesson; one that records an event of this target's agent is ingested with the
     * event's UID as {@code workflowInstanceId} (Opencast attaches the media to the scheduled event),
     * and its recording state goes from {@code uploading} to {@code upload_finished} or {@code upload_error}.
     */
    @Override
    public void publish(Recording lesson, Map<String, Object> target, LongConsumer bytesSent) throws IOException {
        OpencastSettings s = OpencastSettings.of(target);
        List<Recording.RecordedFile> programs = lesson.files().stream().filter(f -> f.kind().equals("program")).toList();
        if (programs.isEmpty()) throw new IllegalStateException("lesson " + lesson.id() + " has no program file");
        String event = CaptureAgent.event(lesson, s);
        try (Opencast oc = new Opencast(s)) {
            URI admin = event == null ? null : oc.endpoint(Opencast.CAPTURE_ADMIN);
            if (event != null) oc.recordingState(admin, event, "uploading");
            try {
                ingest(oc, s, lesson, programs, event, bytesSent);
            } catch (IOException | RuntimeException e) {
                if (event != null) {
                    try {
                        oc.recordingState(admin, event, "upload_error");
                    } catch (IOException unreported) {
                        e.addSuppressed(unreported);
                    }
                }
                throw e;
            }
            if (event != null) oc.recordingState(admin, event, "upload_finished");
        }
    }

    private static void ingest(Opencast oc, OpencastSettings s, Recording lesson, List<Recording.RecordedFile> programs, String event,
            LongConsumer bytesSent) throws IOException {
        // asked before each ingest: the ingest node may move
        URI ingest = oc.endpoint(Opencast.INGEST);
        String mp = oc.createMediaPackage(ingest);
        mp = oc.addDCCatalog(ingest, mp, DublinCore.episode(lesson, s.agent().isEmpty() ? lesson.classroom() : s.agent()),
                "dublincore/episode");
        AtomicLong sent = new AtomicLong();
        // the recording profile (the first program file) is the presenter; a configured source's own file the presentation
        mp = oc.addTrack(ingest, mp, Path.of(programs.get(0).path()), s.flavor(), sent, bytesSent);
        for (Recording.RecordedFile f : lesson.files()) {
            if (f.kind().equals("resource") && f.source().equals(s.presentationSource())) {
                mp = oc.addTrack(ingest, mp, Path.of(f.path()), "presentation/source", sent, bytesSent);
            }
        }
        oc.ingest(ingest, mp, s.workflow(), event);
    }

    @Deactivate
    void close() throws InterruptedException {
        agents.values().forEach(a -> {
            a.close();
            agentGone.accept(a);
        });
        agents.clear();
        timer.shutdownNow();
        // an agent's call to Opencast under way ends within its HTTP timeouts
        if (!timer.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("An Opencast capture agent's call did not end within 30 s");
    }

    private static Dictionary<String, Object> properties(CaptureAgent agent) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(CaptureCalendar.ROOM, agent.room());
        p.put("yike.connector", "opencast");
        p.put("yike.opencast.agent", agent.settings().agent());
        return p;
    }

    /** For tests: the agent of a target. */
    CaptureAgent agent(String target) {
        return agents.get(target);
    }
}
