package org.yike.live.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveStreams;
import org.yike.api.live.LiveSubscription;
import org.yike.media.LiveMuxer;

/**
 * One stream's FLV for all its viewers, on a thread of its own while it has any: it subscribes to the
 * stream once, muxes it once, and hands every viewer the same messages: a picture's tag with the
 * sound's tags before it (a socket write per frame, not per tag, is what lets one thread serve a
 * thousand viewers). It keeps the file header, the metadata and the codecs' configurations; a viewer
 * who joins gets them with the next key frame in one message, then every message. A viewer that falls further behind than the limit is closed (1008).
 * Viewers who join while the stream is not running wait for it; when it ends they are closed with
 * 1000 "ended", so a player can tell the end of a lesson from a lost connection.
 */
final class FlvHub implements Runnable {

    static final int NORMAL = 1000;
    static final int GOING_AWAY = 1001;
    static final int POLICY_VIOLATION = 1008;
    static final int SERVER_ERROR = 1011;

    private static final Logger LOG = LoggerFactory.getLogger(FlvHub.class);
    private static final long WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** A message is sent at the latest at this size (a stream whose pictures stopped still sends its sound). */
    private static final int MESSAGE_BYTES = 16 * 1024;

    private final String room;
    private final String name;
    private final LiveStreams streams;
    private final Limits limits;
    private final Consumer<FlvHub> gone;
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    /** Guarded by this: once set, the hub takes no viewer. */
    private boolean stopping;

    // the hub's thread only
    private final FlvTags tags = new FlvTags(this::tag);
    private LiveSubscription subscription;
    private LiveMuxer muxer;
    /** The lesson whose stream ended here, so that a stream still listed a moment after its end is not taken again. */
    private String endedLesson;
    private byte[] fileHeader;
    private byte[] metadata;
    private byte[] videoConfig;
    private byte[] audioConfig;
    /** Tags not yet sent: each message to a viewer carries a picture with the sound before it. */
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** @param gone called on the hub's thread once it takes no viewer, before it ends */
    FlvHub(String room, String name, LiveStreams streams, Limits limits, Consumer<FlvHub> gone) {
        this.room = room;
        this.name = name;
        this.streams = streams;
        this.limits = limits;
        this.gone = gone;
        this.thread = new Thread(this, "yike-live-" + room + "-" + name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Adds a viewer; false where the hub is ending (take a new hub). */
    synchronized boolean join(Viewer v) {
        if (stopping) return false;
        viewers.add(v);
        return true;
    }

    void leave(Viewer v) {
        viewers.remove(v);
    }

    int viewers() {
        return viewers.size();
    }

    /** Closes every viewer with {@code code} and ends the hub (the runtime stops). */
    void stop(int code, String reason) throws InterruptedException {
        closeAll(code, reason);
        thread.join(5000);
    }

    @Override
    public void run() {
        long lastSign = System.nanoTime();
        try {
            while (!noViewers()) {
                if (subscription == null) {
                    open();
                    if (subscription == null) {
                        if (System.nanoTime() - lastSign > KEEP_ALIVE_NANOS) {
                            viewers.forEach(Viewer::keepAlive);
                            lastSign = System.nanoTime();
                        }
                        TimeUnit.NANOSECONDS.sleep(WAIT_NANOS); // the stream is not there yet: look again
                    }
                    continue;
                }
                LivePacket p = subscription.take(200, TimeUnit.MILLISECONDS);
                if (p != null) {
                    muxer.write(p);
                } else if (subscription.ended()) {
                    endedLesson = subscription.stream().lesson();
                    closeAll(NORMAL, "ended");
                    closeStream(); // viewers who come now wait for the next lesson
                }
                dropThoseBehind();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Live stream {} of room {} failed: {}", name, room, e.getMessage());
            closeAll(SERVER_ERROR, "the stream failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeStream();
        }
    }

    /** Whether the viewers are gone; if so the hub takes no more and tells its owner. */
    private boolean noViewers() {
        synchronized (this) {
            if (!viewers.isEmpty()) return false;
            stopping = true;
        }
        gone.accept(this);
        return true;
    }

    private void open() throws IOException {
        boolean running = streams.streams().stream().anyMatch(s -> s.room().equals(room) && s.name().equals(name)
                && (s.lesson() == null || !s.lesson().equals(endedLesson)));
        if (!running) return;
        try {
            subscription = streams.subscribe(room, name, limits.queuePackets());
        } catch (IllegalArgumentException e) {
            return; // it ended between the two calls
        }
        fileHeader = metadata = videoConfig = audioConfig = null;
        pending.reset();
        muxer = LiveMuxer.flv(subscription.stream(), tags::write);
        LOG.info("Live stream {} of room {} ({}) muxed for {} viewer(s)", name, room, subscription.stream().lesson(), viewers.size());
    }

    private void closeStream() {
        try {
            if (muxer != null) muxer.close();
        } catch (IOException e) {
            LOG.debug("Live stream {} of room {} did not finish cleanly: {}", name, room, e.getMessage());
        }
        if (subscription != null) subscription.close();
        muxer = null;
        subscription = null;
    }

    private void closeAll(int code, String reason) {
        for (Viewer v : viewers) {
            viewers.remove(v);
            v.close(code, reason);
        }
    }

    private void tag(FlvTags.Tag t) {
        if (t.fileHeader()) {
            fileHeader = t.bytes();
            return;
        }
        if (t.type() == FlvTags.SCRIPT && metadata == null) {
            metadata = t.bytes();
            return;
        }
        if (t.config()) {
            if (t.type() == FlvTags.VIDEO) videoConfig = t.bytes();
            else audioConfig = t.bytes();
        }
        if (t.keyFrame()) {
            sendPending();
            byte[] joining = null;
            for (Viewer v : viewers) {
                if (!v.waiting) {
                    v.send(t.bytes());
                } else {
                    if (joining == null) joining = joinWith(t.bytes());
                    v.waiting = false;
                    v.send(joining);
                }
            }
            dropThoseBehind();
            return;
        }
        pending.writeBytes(t.bytes());
        // the sound since the last picture goes with the next picture: a message per frame, not per tag
        if (t.type() == FlvTags.VIDEO || pending.size() > MESSAGE_BYTES) {
            sendPending();
            dropThoseBehind();
        }
    }

    /** The tags gathered since the last message, as one message to every viewer watching. */
    private void sendPending() {
        if (pending.size() == 0) return;
        byte[] message = pending.toByteArray();
        pending.reset();
        for (Viewer v : viewers) {
            if (!v.waiting) v.send(message);
        }
    }

    /** What a new viewer needs first: the header, the metadata and the configs, with this key frame. */
    private byte[] joinWith(byte[] keyFrame) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {fileHeader, metadata, videoConfig, audioConfig, keyFrame}) {
            if (part != null) m.writeBytes(part);
        }
        return m.toByteArray();
    }

    private void dropThoseBehind() {
        long now = System.nanoTime();
        long limit = limits.behind().toNanos();
        for (Viewer v : viewers) {
            if (v.behindNanos(now) > limit) {
                viewers.remove(v);
                LOG.info("A viewer of live stream {} of room {} fell more than {} s behind: closed", name, room,
                        limits.behind().toSeconds());
                v.close(POLICY_VIOLATION, "too slow: more than " + limits.behind().toSeconds() + " s behind");
            }
        }
    }
}
