package org.yike.media.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.StreamReading;
import org.yike.media.StreamSample;

/**
 * The live streams that readers in this JVM have open, and what the last probe of each stream
 * found it to carry: a stream being read is measured from its reader's packets, not opened again.
 */
final class ReadStreams {

    private final Map<StreamLocator, Reading> reading = new ConcurrentHashMap<>();
    private final Map<StreamLocator, MediaInfo> carried = new ConcurrentHashMap<>();

    StreamReading open(StreamLocator locator) {
        Reading r = new Reading(locator);
        Reading before = reading.put(locator, r);
        if (before != null) before.counts.forEach(WindowCount::abandon);
        return r;
    }

    void probed(StreamLocator locator, MediaInfo info) {
        carried.put(locator, info);
    }

    /**
     * The stream measured over {@code window} from its reader's pictures; empty where no reader has
     * it open, it was never probed, or its reader closed it meanwhile (then it is for a probe to say why).
     */
    Optional<StreamSample> sample(StreamLocator locator, Duration timeout, Duration window) throws IOException {
        Reading r = reading.get(locator);
        MediaInfo info = carried.get(locator);
        if (r == null || info == null) return Optional.empty();
        if (window.isZero()) return Optional.of(new StreamSample(info, new StreamFigures(0, 0, Instant.now())));
        WindowCount count = new WindowCount(window);
        r.counts.add(count);
        try {
            if (count.await(System.nanoTime() + timeout.toNanos())) return Optional.of(new StreamSample(info, count.figures()));
            if (count.abandoned()) return Optional.empty();
            throw new IOException("no complete answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            r.counts.remove(count);
        }
    }

    private final class Reading implements StreamReading {

        private final StreamLocator locator;
        final List<WindowCount> counts = new CopyOnWriteArrayList<>();

        Reading(StreamLocator locator) {
            this.locator = locator;
        }

        @Override
        public void picture(long micros, int bytes) {
            for (WindowCount c : counts) c.add(true, true, micros, bytes);
        }

        @Override
        public void other(int bytes) {
            for (WindowCount c : counts) c.add(false, false, UNTIMED, bytes);
        }

        @Override
        public void close() {
            reading.remove(locator, this);
            counts.forEach(WindowCount::abandon);
        }
    }
}
