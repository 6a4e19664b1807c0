package org.yike.scheduler.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingService;
import org.yike.api.recording.ScheduledLesson;
import org.yike.api.timetable.ScheduleEvents;
import org.yike.api.timetable.Session;
import org.yike.api.timetable.Timetable;
import org.yike.settings.FrameworkSettings;

/**
 * Records the timetable with no call from anyone: twice a second it looks at the windows of today's
 * sessions (and yesterday's and tomorrow's, for lessons across midnight), starts the recording of a
 * window that holds the time and stops the one whose window has passed. A runtime that starts inside
 * a window records the rest, marked partial. A room that cannot record (no working device) is given
 * {@code deviceGraceSeconds} (devices may still be starting), then the session is kept as failed and an
 * alert event goes out. What became of each session is kept in the data folder ({@link HandledSessions}):
 * after a restart a session recorded (or failed) is not recorded again, while one whose recording the
 * restart cut off has the rest of its window recorded, marked partial.
 */
@Component(configurationPid = "org.yike.scheduler", configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {})
@Designate(ocd = SchedulerConfig.class)
public class TimetableRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(TimetableRecorder.class);
    private static final long TICK_MILLIS = 500;

    /** What became of a session this run. */
    private record Taken(String recording, boolean done, Instant firstRefused) {
    }

    private final Timetable timetable;
    private final RecordingService recording;
    private final EventAdmin events;
    private final Clock clock;
    private final Instant began;
    private volatile SchedulerConfig config;
    private final Map<String, Taken> taken = new HashMap<>();
    private final HandledSessions store;
    private final String run;
    private Map<String, HandledSessions.Handled> saved = Map.of();
    private final ScheduledExecutorService ticks;

    @Activate
    public TimetableRecorder(BundleContext context, SchedulerConfig config, @Reference Timetable timetable, @Reference RecordingService recording,
            @Reference EventAdmin events) {
        this(config, timetable, recording, events, Clock.system(FrameworkSettings.of(context).timeZone()),
                new HandledSessions(FrameworkSettings.of(context).dataFolder().resolve("scheduler").resolve("sessions.json")), HandledSessions.thisRun());
        ticks.scheduleWithFixedDelay(this::tickSafely, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    TimetableRecorder(SchedulerConfig config, Timetable timetable, RecordingService recording, EventAdmin events, Clock clock,
            HandledSessions store, String run) {
        this.config = config;
        this.timetable = timetable;
        this.recording = recording;
        this.events = events;
        this.clock = clock;
        this.began = clock.instant();
        this.store = store;
        this.run = run;
        remember();
        this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "yike-timetable-recorder");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What an earlier scheduler did. In this same process its recordings still run. After a restart of
     * the runtime, a session done stays done, and so does one whose recording someone stopped (finished,
     * not partial); one whose recording the restart cut off (partial, or not yet recovered) is forgotten,
     * so the rest of its window is recorded.
     */
    private void remember() {
        HandledSessions.Saved before;
        try {
            before = store.load();
        } catch (IOException | RuntimeException e) {
            LOG.error("What the scheduler did before does not read, every session is new to it", e);
            return;
        }
        boolean sameRun = run.equals(before.run());
        before.sessions().forEach((id, h) -> {
            boolean stoppedByHand = h.recording() != null && recording.get(h.recording())
                    .filter(r -> r.state() == Recording.State.FINISHED && !r.partial()).isPresent();
            if (h.done() || sameRun || stoppedByHand) taken.put(id, new Taken(h.recording(), h.done() || (!sameRun && stoppedByHand), null));
        });
        saved = before.sessions();
    }

    /** Keeps what changed since the last time; a disk that refuses is said, and recording goes on. */
    private void keep() {
        Map<String, HandledSessions.Handled> now = new HashMap<>();
        taken.forEach((id, t) -> {
            if (t.recording != null || t.done) now.put(id, new HandledSessions.Handled(t.recording, t.done));
        });
        if (now.equals(saved)) return;
        try {
            store.save(run, now);
            saved = now;
        } catch (IOException | RuntimeException e) {
            LOG.error("The scheduler cannot keep what it did: a restart may record a session again", e);
        }
    }

    @Modified
    void modified(SchedulerConfig changed) {
        config = changed;
    }

    /** Lessons running when the scheduler goes (runtime stopping, bundle updated) are left to the recorder. */
    @Deactivate
    void deactivate() throws InterruptedException {
        ticks.shutdownNow();
        ticks.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the next tick tries again; a fault here must never stop recording by the timetable
            LOG.error("Recording by the timetable failed", e);
        }
    }

    synchronized void tick() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        SchedulerConfig c = config;
        List<Windows.Window> windows = Windows.of(timetable.sessions(today.minusDays(1), today.plusDays(1), null),
                Duration.ofSeconds(c.preRollSeconds()), Duration.ofSeconds(c.postRollSeconds()));
        Map<String, Windows.Window> byId = new HashMap<>();
        windows.forEach(w -> byId.put(w.session().id(), w));
        // stops first, so a back-to-back lesson finds its room free
        taken.forEach((id, t) -> {
            if (t.recording == null || t.done) return;
            Windows.Window w = byId.get(id);
            if (w == null || !now.isBefore(w.to())) stop(id, t, w == null ? "the session left the timetable" : "its window ended");
        });
        for (Windows.Window w : windows) {
            if (w.holds(now)) {
                Taken t = taken.get(w.session().id());
                if (t == null || (t.recording == null && !t.done)) start(w, t, now);
            }
        }
        taken.keySet().removeIf(id -> !byId.containsKey(id) && (taken.get(id).done || taken.get(id).recording == null));
        keep();
    }

    private void stop(String session, Taken t, String why) {
        taken.put(session, new Taken(t.recording, true, null));
        try {
            Recording r = recording.stop(t.recording);
            LOG.info("Session {}: recording {} stopped ({}), {}", session, t.recording, why, r.state());
        } catch (RuntimeException e) {
            LOG.warn("Session {}: recording {} did not stop", session, t.recording, e);
        }
    }

    private void start(Windows.Window w, Taken before, Instant now) {
        Session s = w.session();
        ScheduledLesson lesson = new ScheduledLesson(s.id(), s.room(), s.date(), s.period(), s.label(), s.course(), s.teacher(),
                s.schoolClass(), s.start().toInstant(), s.end().toInstant(), null);
        Duration late = Duration.between(w.from(), now);
        if (late.getSeconds() > config.lateAfterSeconds()) {
            lesson = lesson.missing("recorded from " + LocalTime.ofInstant(now, clock.getZone()).truncatedTo(ChronoUnit.SECONDS)
                    + ", " + late.getSeconds() + " s into its window: the runtime was not running or could not record before");
        }
        try {
            Recording r = recording.start(lesson);
            taken.put(s.id(), new Taken(r.id(), false, null));
            LOG.info("Session {} ({} {} {}): recording {}{}", s.id(), s.room(), s.label(), s.course(), r.id(),
                    r.partial() ? " (partial: " + r.error() + ")" : "");
        } catch (IllegalArgumentException | IllegalStateException e) {
            Instant first = before == null ? now : before.firstRefused;
            Instant waitFrom = first.isAfter(began) ? first : began;
            if (Duration.between(waitFrom, now).getSeconds() < config.deviceGraceSeconds()) {
                taken.put(s.id(), new Taken(null, false, first));
                return;
            }
            taken.put(s.id(), new Taken(null, true, first));
            String reason = "room " + s.room() + " could not record " + s.label() + " " + s.course() + ": " + e.getMessage();
            recording.fail(lesson, reason);
            events.postEvent(new Event(ScheduleEvents.SESSION_FAILED, Map.of(ScheduleEvents.SESSION, s.id(),
                    ScheduleEvents.ROOM, s.room(), ScheduleEvents.REASON, reason)));
        }
    }
}
