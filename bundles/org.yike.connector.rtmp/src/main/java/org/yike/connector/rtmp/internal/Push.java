package org.yike.connector.rtmp.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveStreams;
import org.yike.api.live.LiveSubscription;
import org.yike.media.LiveMuxer;

/**
 * One lesson's live profile pushed to one target, on its own thread: its packets as the engine hands
 * them out, from the live edge, muxed into FLV over RTMP unchanged. While the server cannot be
 * reached, packets are dropped (the lesson goes on; its own files keep all), and it connects again
 * after 1, 2, 4… up to 30 s; a new connection starts at a key frame, its timestamps from 0, so
 * players and the server's recorder see an ordinary new stream.
 */
final class Push implements Runnable {

    enum State { CONNECTING, PUSHING, RECONNECTING, ENDED }

    /** What the push tells about itself: state, and in words why, never with the key. */
    interface Report {
        void state(State state, String reason);
    }

    /** The profile pushed: the lesson's live one. */
    static final String PROFILE = "live";

    private static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
    private static final long MOST_BACKOFF_NANOS = 30_000_000_000L;
    /** How long a lesson that started may take to hand out its live profile. */
    private static final long STREAM_WAIT_NANOS = 10_000_000_000L;
    private static final int QUEUE_PACKETS = 500;

    private final String room;
    private final String lesson;
    private final RtmpSettings target;
    private final LiveStreams streams;
    private final Report report;
    private final Thread thread;
    private volatile boolean stopped;

    Push(String name, String lesson, RtmpSettings target, LiveStreams streams, Report report) {
        this.room = target.room();
        this.lesson = lesson;
        this.target = target;
        this.streams = streams;
        this.report = report;
        this.thread = new Thread(this, "yike-rtmp-" + name + "-" + lesson);
        thread.setDaemon(true);
    }

    String lesson() {
        return lesson;
    }

    void start() {
        thread.start();
    }

    /** Ends the push now (the target changed or went away); the lesson's end ends it otherwise. */
    void stop() {
        stopped = true;
        thread.interrupt();
    }

    /** Waits up to {@code millis} for the thread of a stopped push; answers whether it ended. */
    boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    @Override
    public void run() {
        report.state(State.CONNECTING, "waiting for lesson " + lesson + "'s live profile");
        String end = "lesson " + lesson + " ended";
        LiveMuxer out = null;
        try (LiveSubscription live = subscribe()) {
            long backoff = FIRST_BACKOFF_NANOS;
            long retryAt = System.nanoTime();
            boolean pushing = false;
            while (!stopped && !live.ended()) {
                if (out == null && System.nanoTime() - retryAt >= 0) {
                    try {
                        report.state(State.CONNECTING, "connecting to " + target);
                        out = LiveMuxer.rtmp(live.stream(), target.pushUrl(), target.timeoutSeconds());
                        pushing = false;
                    } catch (IOException e) {
                        report.state(State.RECONNECTING, "cannot connect to " + target + ": " + target.scrub(e.getMessage())
                                + "; again in " + backoff / 1_000_000_000L + " s");
                        retryAt = System.nanoTime() + backoff;
                        backoff = Math.min(backoff * 2, MOST_BACKOFF_NANOS);
                    }
                }
                LivePacket p = live.take(200, TimeUnit.MILLISECONDS);
                if (p == null || out == null) continue; // while the server is away, packets are dropped
                try {
                    out.write(p);
                    if (!pushing && p.startsPicture()) {
                        pushing = true;
                        report.state(State.PUSHING, "pushing lesson " + lesson + " to " + target);
                        backoff = FIRST_BACKOFF_NANOS;
                    }
                } catch (IOException e) {
                    report.state(State.RECONNECTING, "the connection to " + target + " broke: " + target.scrub(e.getMessage())
                            + "; again in " + backoff / 1_000_000_000L + " s");
                    finish(out);
                    out = null;
                    retryAt = System.nanoTime() + backoff;
                    backoff = Math.min(backoff * 2, MOST_BACKOFF_NANOS);
                }
            }
            if (stopped) end = "stopped";
        } catch (IllegalStateException e) {
            end = e.getMessage();
        } catch (InterruptedException e) {
            end = "stopped";
        } finally {
            if (out != null) {
                String lost = finish(out);
                if (lost != null) end += "; the end of the stream did not reach " + target + ": " + target.scrub(lost);
            }
            report.state(State.ENDED, end);
        }
    }

    /** The lesson's live profile, which a lesson that has just started hands out a moment later. */
    private LiveSubscription subscribe() throws InterruptedException {
        long deadline = System.nanoTime() + STREAM_WAIT_NANOS;
        while (!stopped && System.nanoTime() - deadline < 0) {
            for (LiveStream s : streams.streams()) {
                if (!s.room().equals(room) || !s.name().equals(PROFILE) || !lesson.equals(s.lesson())) continue;
                try {
                    return streams.subscribe(room, PROFILE, QUEUE_PACKETS);
                } catch (IllegalArgumentException ended) {
                    throw new IllegalStateException("lesson " + lesson + " ended before its push began");
                }
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(stopped ? "stopped" : "lesson " + lesson + " has no live profile (is its bitrate 0?)");
    }

    /** Closes a connection; answers why its end was lost, or {@code null}. */
    private static String finish(LiveMuxer out) {
        try {
            out.close();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
