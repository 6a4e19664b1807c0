package org.yike.recording.internal.vision;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.api.vision.PictureRequest;
import org.yike.api.vision.PictureSource;
import org.yike.recording.internal.input.PictureScaler;

/**
 * Where one lesson's reader of one video source hands its whole pictures (before any shot's crop) to
 * the subscriptions that want them: each gets them scaled to its size and format, at its rate, on the
 * reader's thread. That costs a scaling of a few pictures a second per subscriber; a subscriber that
 * does not take them in time loses them in its {@link Feed}, never holding the reader up.
 */
public final class PictureTap implements AutoCloseable {

    private final PictureSource source;
    private final List<Feed> feeds;
    private final Map<Feed, Output> outputs = new HashMap<>();
    private boolean closed;

    /** What one subscription gets from this source: its own scaler and pace. */
    private static final class Output {
        final PictureScaler scaler;
        final ByteBuffer scaled;
        final long periodNanos;
        long lastNanos;
        long number;

        Output(PictureRequest r, long now) {
            scaler = new PictureScaler(r.width(), r.height(),
                    r.format() == PictureFormat.GREY ? avutil.AV_PIX_FMT_GRAY8 : avutil.AV_PIX_FMT_YUV420P);
            scaled = ByteBuffer.allocateDirect(r.format().bytes(r.width(), r.height()));
            periodNanos = Math.round(1e9 / r.fps());
            // the first picture goes out at once
            lastNanos = now - periodNanos;
        }

        /** A 25 fps camera asked for 5 a second gives every fifth picture, though they come a little early or late. */
        boolean due(long now) {
            return now - lastNanos >= periodNanos * 9 / 10;
        }
    }

    PictureTap(PictureSource source, List<Feed> feeds) {
        this.source = source;
        this.feeds = feeds;
    }

    public PictureSource source() {
        return source;
    }

    /** Whether a subscriber wants this source's pictures now: its reader then decodes them even off screen. */
    public boolean wanted() {
        for (Feed f : feeds) {
            if (f.request().wants(source.key(), source.role())) return true;
        }
        return false;
    }

    /**
     * The shortest time, in microseconds, between the pictures the subscribers that want this source
     * ask for; {@link Long#MAX_VALUE} where none wants them.
     */
    public long shortestPeriodMicros() {
        long shortest = Long.MAX_VALUE;
        for (Feed f : feeds) {
            if (f.request().wants(source.key(), source.role())) shortest = Math.min(shortest, Math.round(1e6 / f.request().fps()));
        }
        return shortest;
    }

    /** A decoded picture, any pixel format, at the camera's size. */
    public synchronized void offer(AVFrame frame) {
        long now = System.nanoTime();
        for (Feed f : feeds) {
            Output o = due(f, now);
            if (o != null) {
                o.scaler.scale(frame, null, o.scaled.clear());
                deliver(f, o, now);
            }
        }
        forgetClosed();
    }

    /** A tightly packed I420 picture {@code width} by {@code height}; read, not consumed. */
    public synchronized void offer(ByteBuffer i420, int width, int height) {
        long now = System.nanoTime();
        for (Feed f : feeds) {
            Output o = due(f, now);
            if (o != null) {
                o.scaler.scale(i420.duplicate(), width, height, null, o.scaled.clear());
                deliver(f, o, now);
            }
        }
        forgetClosed();
    }

    private Output due(Feed f, long now) {
        if (closed || !f.request().wants(source.key(), source.role())) return null;
        Output o = outputs.computeIfAbsent(f, feed -> new Output(feed.request(), now));
        return o.due(now) ? o : null;
    }

    private void deliver(Feed f, Output o, long now) {
        o.lastNanos = now;
        PictureRequest r = f.request();
        byte[] data = new byte[o.scaled.capacity()];
        o.scaled.clear().get(data);
        f.put(new Picture(source.room(), source.lesson(), source.key(), ++o.number, Instant.now(), r.width(), r.height(),
                r.format(), data));
    }

    private void forgetClosed() {
        outputs.entrySet().removeIf(e -> {
            if (!e.getKey().closed()) return false;
            e.getValue().scaler.close();
            return true;
        });
    }

    /** The lesson ended: no more pictures, and the scalers' native memory goes. */
    @Override
    public synchronized void close() {
        closed = true;
        outputs.values().forEach(o -> o.scaler.close());
        outputs.clear();
    }
}
