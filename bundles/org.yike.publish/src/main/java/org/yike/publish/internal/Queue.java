package org.yike.publish.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.connector.FileServerConnector;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.connector.RemoteFolder;
import org.yike.api.publish.Job;
import org.yike.api.publish.Job.State;
import org.yike.api.publish.PublishEvents;
import org.yike.api.recording.Recording;
import org.yike.publish.internal.Journal.Entry;
import org.yike.publish.internal.LessonFiles.Upload;

/**
 * The publishing queue: jobs in the journal, run a few at a time (one per target), retried with
 * growing pauses, and for file servers sent file by file to a temporary name that is renamed when
 * complete, each broken transfer going on from the size the server already has.
 */
final class Queue implements AutoCloseable {

    /** A target as a job needs it: its connector and its configuration with the secrets opened. */
    record Destination(String name, PlatformConnector connector, Map<String, Object> config, Set<String> secrets) {
    }

    interface Destinations {
        /** The target, or empty while its connector is not installed; unknown targets throw IllegalArgumentException. */
        Optional<Destination> find(String target);
    }

    interface Events {
        void post(String topic, Job job);
    }

    /** Pauses between attempts: {@code first}, doubling up to {@code longest}; a job fails after {@code attempts}. */
    record Retry(Duration first, Duration longest, int attempts) {
        Duration after(int attempt) {
            long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
            Duration d = first.multipliedBy(factor);
            return d.compareTo(longest) > 0 ? longest : d;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Queue.class);
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Journal journal;
    private final Function<String, Optional<Recording>> lessons;
    private final Destinations destinations;
    private final Events events;
    private final Retry retry;
    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> busyTargets = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "yike-publish-queue"));
    private final ExecutorService workers;

    Queue(Journal journal, Function<String, Optional<Recording>> lessons, Destinations destinations, Events events,
            Retry retry, int parallel, Clock clock) throws IOException {
        this.journal = journal;
        this.lessons = lessons;
        this.destinations = destinations;
        this.events = events;
        this.retry = retry;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(Math.max(1, parallel), r -> new Thread(r, "yike-publish"));
        for (Entry e : journal.load()) {
            if (e.state == State.UPLOADING) {
                // the runtime stopped during the transfer: what the server has is kept and resumed
                e.state = State.QUEUED;
                e.error = "interrupted by a restart; resuming";
            }
            entries.put(e.id, e);
        }
        ticker.scheduleWithFixedDelay(this::dispatch, 0, 500, TimeUnit.MILLISECONDS);
    }

    Job add(Recording lesson, String target) {
        if (lesson.state() != Recording.State.FINISHED) {
            throw new IllegalStateException("lesson " + lesson.id() + " is " + lesson.state() + ", not finished");
        }
        destinations.find(target);
        Entry e = new Entry();
        e.id = clock.instant().toString().replaceAll("[^0-9]", "").substring(0, 14) + "-" + UUID.randomUUID().toString().substring(0, 6);
        e.recording = lesson.id();
        e.room = lesson.classroom();
        e.target = target;
        e.created = e.updated = clock.instant();
        synchronized (this) {
            entries.put(e.id, e);
        }
        change(e, State.QUEUED, null);
        ticker.execute(this::dispatch);
        return e.job();
    }

    synchronized List<Job> jobs() {
        return entries.values().stream().sorted(Comparator.comparing((Entry e) -> e.created).reversed()).map(Entry::job).toList();
    }

    synchronized Optional<Job> job(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::job);
    }

    Job cancel(String id) {
        Entry e;
        synchronized (this) {
            e = entries.get(id);
            if (e == null) throw new IllegalArgumentException("no publishing job " + id);
            if (e.state.ended()) return e.job();
            cancelled.add(id);
            if (e.state == State.UPLOADING) return e.job(); // the transfer stops at its next read
        }
        change(e, State.CANCELLED, "cancelled");
        return e.job();
    }

    /** Starts the jobs that may go now: one per target, in the order they came, within the target's window. */
    private void dispatch() {
        try {
            List<Entry> ready;
            synchronized (this) {
                Instant now = clock.instant();
                ready = entries.values().stream().filter(e -> e.state == State.QUEUED || e.state == State.RETRYING)
                        .filter(e -> e.notBefore == null || !e.notBefore.isAfter(now))
                        .sorted(Comparator.comparing((Entry e) -> e.created)).toList();
            }
            for (Entry e : ready) {
                if (busyTargets.contains(e.target)) continue;
                Optional<Destination> d;
                try {
                    d = destinations.find(e.target);
                } catch (IllegalArgumentException gone) {
                    change(e, State.FAILED, gone.getMessage());
                    continue;
                }
                if (d.isEmpty() || !window(d.get()).contains(LocalTime.now(clock))) continue;
                if (busyTargets.add(e.target)) {
                    change(e, State.UPLOADING, e.error);
                    workers.execute(() -> run(e, d.get()));
                }
            }
        } catch (RuntimeException x) {
            LOG.error("Publishing queue could not dispatch", x);
        }
    }

    private void run(Entry e, Destination d) {
        try {
            synchronized (this) {
                e.attempts++;
            }
            Recording lesson = lessons.apply(e.recording)
                    .orElseThrow(() -> new IllegalStateException("lesson " + e.recording + " is gone"));
            if (d.connector() instanceof FileServerConnector files) {
                send(e, d, files, lesson);
            } else {
                AtomicLong last = new AtomicLong();
                d.connector().publish(lesson, d.config(), sent -> progress(e, sent - last.getAndSet(sent)));
            }
            synchronized (this) {
                e.bytesSent = Math.max(e.bytesSent, e.total);
            }
            change(e, State.DONE, null);
            LOG.info("Published lesson {} to {} (job {}, {} bytes, attempt {})", e.recording, e.target, e.id, e.total, e.attempts);
        } catch (Throttle.Stopped stopped) {
            if (cancelled.contains(e.id)) {
                change(e, State.CANCELLED, "cancelled");
            } else {
                change(e, State.QUEUED, stopped.getMessage());
            }
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException unfixable) {
            change(e, State.FAILED, masked(unfixable.getMessage(), d));
        } catch (Exception x) {
            String why = masked(x.getMessage() == null ? x.toString() : x.getMessage(), d);
            if (retry.attempts() > 0 && e.attempts >= retry.attempts()) {
                change(e, State.FAILED, why + " (gave up after " + e.attempts + " attempts)");
            } else {
                synchronized (this) {
                    e.notBefore = clock.instant().plus(retry.after(e.attempts));
                }
                change(e, State.RETRYING, why);
                LOG.warn("Publishing job {} to {} failed (attempt {}), again at {}: {}", e.id, e.target, e.attempts, e.notBefore, why);
            }
        } finally {
            busyTargets.remove(e.target);
            if (!ticker.isShutdown()) ticker.execute(this::dispatch);
        }
    }

    /** Each file to its temporary name, from what the server has of it, then renamed over the final name. */
    private void send(Entry e, Destination d, FileServerConnector connector, Recording lesson) throws IOException {
        List<Upload> uploads = LessonFiles.of(lesson, string(d, "pattern"), choice(d));
        long total = 0;
        for (Upload u : uploads) total += Files.size(u.local());
        synchronized (this) {
            e.total = total;
            e.bytesSent = 0;
            for (Upload u : uploads) if (e.done.contains(u.remote())) e.bytesSent += Files.size(u.local());
        }
        TimeWindow window = window(d);
        long bits = Math.round(number(d, "maxMbps") * 1_000_000);
        try (RemoteFolder folder = connector.open(d.config())) {
            for (Upload u : uploads) {
                if (e.done.contains(u.remote())) continue;
                String temp = temporary(u.remote());
                long size = Files.size(u.local());
                long offset = folder.size(temp);
                if (offset > size) {
                    folder.delete(temp);
                    offset = -1;
                }
                if (offset > 0) LOG.info("Job {}: resuming {} from byte {} of {}", e.id, u.remote(), offset, size);
                if (offset < size) {
                    progress(e, Math.max(0, offset));
                    try (InputStream file = Files.newInputStream(u.local())) {
                        file.skipNBytes(Math.max(0, offset));
                        InputStream in = new Throttle(file, bits, () -> !cancelled.contains(e.id) && window.contains(LocalTime.now(clock)),
                                "waiting for the time window " + window, n -> progress(e, n));
                        try (OutputStream out = folder.write(temp, Math.max(0, offset))) {
                            in.transferTo(out);
                        }
                    }
                } else {
                    progress(e, size);
                }
                folder.rename(temp, u.remote());
                synchronized (this) {
                    e.done.add(u.remote());
                }
                journal.save(e);
            }
        }
    }

    /** {@code .program.mp4.part} beside {@code program.mp4}: a dot file, which listings leave out. */
    static String temporary(String remote) {
        int slash = remote.lastIndexOf('/');
        return remote.substring(0, slash + 1) + "." + remote.substring(slash + 1) + ".part";
    }

    private final Map<String, Long> lastProgress = new ConcurrentHashMap<>();

    private void progress(Entry e, long bytes) {
        Job job;
        synchronized (this) {
            e.bytesSent += bytes;
            job = e.job();
        }
        long now = System.nanoTime();
        Long last = lastProgress.get(e.id);
        if (last == null || now - last >= PROGRESS_NANOS) {
            lastProgress.put(e.id, now);
            events.post(PublishEvents.PROGRESS, job);
        }
    }

    private void change(Entry e, State state, String error) {
        Job job;
        synchronized (this) {
            e.state = state;
            e.error = error;
            e.updated = clock.instant();
            if (state.ended()) cancelled.remove(e.id);
            job = e.job();
            try {
                journal.save(e);
            } catch (IOException x) {
                LOG.error("Publishing job {} could not be written to the journal", e.id, x);
            }
        }
        events.post(PublishEvents.TOPIC_PREFIX + state.name(), job);
    }

    /** A problem in words without any of the target's secrets, whatever a server or library put in it. */
    static String masked(String text, Destination d) {
        String out = text == null ? "" : text;
        for (String key : d.secrets()) {
            Object secret = d.config().get(key);
            if (secret != null && !secret.toString().isEmpty()) out = out.replace(secret.toString(), "***");
        }
        return out;
    }

    private static TimeWindow window(Destination d) {
        return TimeWindow.parse(string(d, "window"));
    }

    private static LessonFiles.Choice choice(Destination d) {
        String c = string(d, "files");
        return c == null || c.isBlank() ? LessonFiles.Choice.PROGRAM : LessonFiles.Choice.valueOf(c.trim().toUpperCase());
    }

    private static String string(Destination d, String key) {
        Object v = d.config().get(key);
        return v == null ? null : v.toString();
    }

    private static double number(Destination d, String key) {
        Object v = d.config().get(key);
        return v instanceof Number n ? n.doubleValue() : v == null || v.toString().isBlank() ? 0 : Double.parseDouble(v.toString());
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
