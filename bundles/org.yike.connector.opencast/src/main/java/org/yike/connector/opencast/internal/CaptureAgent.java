package org.yike.connector.opencast.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.connector.CaptureCalendar;

/**
 * One room as an Opencast capture agent: every poll it reports the agent's state (capturing while
 * the room records, else idle), offers the room's sources as {@code capture.device.names} and
 * fetches its calendar (kept in the data folder, so a restart without network still has it).
 */
final class CaptureAgent implements CaptureCalendar, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureAgent.class);

    private final OpencastSettings settings;
    private final Path cache;
    private final Supplier<Boolean> recording;
    private final Supplier<String> sources;
    private final Consumer<CaptureAgent> calendarChanged;
    private final ScheduledFuture<?> polling;
    private volatile String ical = "";
    private volatile Instant fetched = Instant.EPOCH;
    private volatile String etag;
    private volatile String lastProblem;
    private URI admin;
    private URI scheduler;

    /** {@code recording}: whether the room records now; {@code sources}: its sources, comma-separated. */
    CaptureAgent(OpencastSettings settings, Path cacheFolder, Supplier<Boolean> recording, Supplier<String> sources,
            Consumer<CaptureAgent> calendarChanged, ScheduledExecutorService timer) {
        this.settings = settings;
        this.cache = cacheFolder.resolve(settings.agent() + ".ics");
        this.recording = recording;
        this.sources = sources;
        this.calendarChanged = calendarChanged;
        try {
            if (Files.isRegularFile(cache)) {
                ical = Files.readString(cache);
                fetched = Files.getLastModifiedTime(cache).toInstant();
            }
        } catch (IOException e) {
            LOG.warn("Opencast agent {}: the cached calendar {} cannot be read: {}", settings.agent(), cache, e.getMessage());
        }
        polling = timer.scheduleWithFixedDelay(this::poll, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: state, capabilities, calendar; a failure is said once and the next round tries again. */
    void poll() {
        try (Opencast oc = new Opencast(settings)) {
            if (admin == null) admin = oc.endpoint(Opencast.CAPTURE_ADMIN);
            if (scheduler == null) scheduler = oc.endpoint(Opencast.SCHEDULER);
            oc.agentState(admin, settings.agent(), recording.get() ? "capturing" : "idle");
            oc.capabilities(admin, settings.agent(), Map.of("capture.device.names", sources.get()));
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
            if (lastProblem != null) LOG.info("Opencast agent {} reaches {} again", settings.agent(), settings.url());
            lastProblem = null;
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!why.equals(lastProblem)) LOG.warn("Opencast agent {}: {}", settings.agent(), why);
            lastProblem = why;
        }
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
