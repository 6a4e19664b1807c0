package org.yike.media.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.ReaderState;
import org.yike.media.StreamReading;
import org.yike.media.StreamSample;

/**
 * The live streams that readers in this JVM have open, each as its reader tells it: connected (and
 * what it carries) or lost (and why), when its last packet came, and its figures over each second
 * of its time. A stream being read is measured from its reader's packets, never opened again.
 */
final class ReadStreams {

    /** The span of the stream's time each figure is counted over. */
    static final Duration WINDOW = Duration.ofSeconds(1);

    private final Map<StreamLocator, Reading> reading = new ConcurrentHashMap<>();

    StreamReading open(StreamLocator locator) {
        Reading r = new Reading(locator);
        Reading before = reading.put(locator, r);
        if (before != null) before.stopped();
        return r;
    }

    Optional<ReaderState> state(StreamLocator locator) {
        Reading r = reading.get(locator);
        return r == null ? Optional.empty() : Optional.of(r.state());
    }

    /**
     * The stream as its reader reads it, waiting up to {@code timeout} for the reader's connection
     * (and, unless {@code window} is zero, for its first second of figures); empty where no reader has
     * it open, or its reader stopped meanwhile (then it is for a probe to say). A reader without a
     * connection fails with its reason.
     */
    Optional<StreamSample> sample(StreamLocator locator, Duration timeout, Duration window) throws IOException {
        Reading r = reading.get(locator);
        if (r == null) return Optional.empty();
        try {
            return Optional.ofNullable(r.sample(System.nanoTime() + timeout.toNanos(), timeout, !window.isZero()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private final class Reading implements StreamReading {

        private final StreamLocator locator;
        private MediaInfo carried;
        private String problem;
        private long lastNanos = System.nanoTime();
        /** This connection's second being counted; {@code null} while there is no connection. */
        private WindowCount count;
        private StreamFigures figures;
        private boolean stopped;

        Reading(StreamLocator locator) {
            this.locator = locator;
        }

        @Override
        public synchronized void connected(MediaInfo info) {
            carried = info;
            problem = null;
            lastNanos = System.nanoTime();
            count = new WindowCount(WINDOW);
            figures = null;
            notifyAll();
        }

        @Override
        public synchronized void picture(long micros, int bytes) {
            counted(true, micros, bytes);
        }

        @Override
        public synchronized void other(int bytes) {
            counted(false, UNTIMED, bytes);
        }

        private void counted(boolean picture, long micros, int bytes) {
            lastNanos = System.nanoTime();
            if (count != null && count.add(picture, picture, micros, bytes)) {
                figures = count.figures();
                count = new WindowCount(WINDOW);
                notifyAll();
            }
        }

        @Override
        public synchronized void lost(String reason) {
            carried = null;
            problem = reason == null || reason.isEmpty() ? "the stream stopped" : reason;
            count = null;
            figures = null;
            notifyAll();
        }

        @Override
        public void close() {
            reading.remove(locator, this);
            stopped();
        }

        synchronized void stopped() {
            stopped = true;
            notifyAll();
        }

        synchronized ReaderState state() {
            return new ReaderState(carried, problem, Duration.ofNanos(System.nanoTime() - lastNanos), figures);
        }

        /** {@code null}: the reader stopped before it could tell. */
        synchronized StreamSample sample(long deadline, Duration timeout, boolean measured) throws IOException, InterruptedException {
            for (long left; !stopped && problem == null && (carried == null || measured && figures == null)
                    && (left = deadline - System.nanoTime()) > 0;) {
                wait(Math.max(1, left / 1_000_000));
            }
            if (stopped) return null;
            if (problem != null) throw new IOException(problem);
            if (carried == null || measured && figures == null) {
                throw new IOException("no complete answer within " + timeout.toSeconds() + " s");
            }
            return new StreamSample(carried, measured ? figures : new StreamFigures(0, 0, Instant.now()));
        }
    }
}
