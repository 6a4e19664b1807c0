package org.yike.connector.opencast.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.connector.CaptureCalendar;
import org.yike.api.recording.Recording;

/**
 * One room as an Opencast capture agent: every poll it reports the agent's state (capturing while
 * the room records, else idle), offers the room's sources as {@code capture.device.names}, fetches its
 * calendar (kept in the data folder, so a restart without network still has it) and reports the state
 * of each recording of its events ({@code capturing}, {@code capture_finished}, {@code capture_error};
 * the ingest reports {@code uploading}, {@code upload_finished}, {@code upload_error}). A finished one
 * is handed to the publishing queue for this agent's target, which ingests it for its event.
 */
final class CaptureAgent implements CaptureCalendar, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureAgent.class);
    /** Recordings that ended longer ago are not reported again after a restart. */
    private static final Duration RECENT = Duration.ofDays(1);

    private final String target;
    private final OpencastSettings settings;
    private final Path cache;
    private final OpencastConnector.Rooms rooms;
    /** The state last reported of each recording (by its id), this run. */
    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private final Consumer<CaptureAgent> calendarChanged;
    private final ScheduledFuture<?> polling;
    private volatile String ical = "";
    private volatile Instant fetched = Instant.EPOCH;
    private volatile String etag;
    private volatile String lastProblem;
    private URI admin;
    private URI scheduler;

    /** The agent of the publishing target named {@code target}. */
    CaptureAgent(String target, OpencastSettings settings, Path cacheFolder, OpencastConnector.Rooms rooms,
            Consumer<CaptureAgent> calendarChanged, ScheduledExecutorService timer) {
        this.target = target;
        this.settings = settings;
        this.cache = cacheFolder.resolve(settings.agent() + ".ics");
        this.rooms = rooms;
        this.calendarChanged = calendarChanged;
        try {
            if (Files.isRegularFile(cache)) {
                ical = Files.readString(cache);
                fetched = Files.getLastModifiedTime(cache).toInstant();
            }
        } catch (IOException e) {
            LOG.warn("Opencast agent {}: the cached calendar {} cannot be read", settings.agent(), cache, e);
        }
        polling = timer.scheduleWithFixedDelay(this::poll, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: state, capabilities, calendar, recordings; a failure is said once and the next round tries again. */
    synchronized void poll() {
        try (Opencast oc = new Opencast(settings)) {
            if (admin == null) admin = oc.endpoint(Opencast.CAPTURE_ADMIN);
            if (scheduler == null) scheduler = oc.endpoint(Opencast.SCHEDULER);
            oc.agentState(admin, settings.agent(), rooms.recording(settings.room()) ? "capturing" : "idle");
            oc.capabilities(admin, settings.agent(), Map.of("capture.device.names", rooms.sources(settings.room())));
            Opencast.Calendar c = oc.calendar(scheduler, settings.agent(), etag);
            if (c.changed()) {
                Files.createDirectories(cache.getParent());
                Path temp = cache.resolveSibling("." + cache.getFileName() + ".part");
                Files.writeString(temp, c.ical());
                Files.move(temp, cache, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                ical = c.ical();
                fetched = Instant.now();
                etag = c.etag();
                calendarChanged.accept(this);
            }
            reportRecordings(oc);
            if (lastProblem != null) LOG.info("Opencast agent {} reaches {} again", settings.agent(), settings.url());
            lastProblem = null;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!why.equals(lastProblem)) LOG.warn("Opencast agent {}: {}", settings.agent(), why);
            lastProblem = why;
        }
    }

    /** Each recording of this agent's events whose state changed since the last report; a finished one is queued for ingest. */
    private void reportRecordings(Opencast oc) throws IOException {
        Instant recent = Instant.now().minus(RECENT);
        for (Recording r : rooms.lessons(settings.room())) {
            String event = event(r, settings);
            if (event == null || (r.ended() != null && r.ended().isBefore(recent))) continue;
            String state = switch (r.state()) {
                case RECORDING -> "capturing";
                case FINISHED -> "capture_finished";
                case FAILED -> "capture_error";
            };
            if (state.equals(reported.get(r.id()))) continue;
            oc.recordingState(admin, event, state);
            reported.put(r.id(), state);
            LOG.info("Opencast agent {}: event {} {} (recording {})", settings.agent(), event, state, r.id());
            if (r.state() == Recording.State.FINISHED) rooms.ingest(r.id(), target);
        }
    }

    /** The UID of the Opencast event this recording records for the agent of {@code s}, or null where it records none. */
    static String event(Recording r, OpencastSettings s) {
        if (s.agent().isEmpty() || r.lesson() == null || !r.classroom().equals(s.room())) return null;
        return label(s).equals(r.lesson().label()) ? r.lesson().session() : null;
    }

    private static String label(OpencastSettings s) {
        return "Opencast " + s.agent();
    }

    @Override
    public String label() {
        return label(settings);
    }

    @Override
    public String room() {
        return settings.room();
    }

    @Override
    public String ical() {
        return ical;
    }

    @Override
    public Instant fetched() {
        return fetched;
    }

    OpencastSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        polling.cancel(false);
    }
}
