package org.yike.api.live;

import java.util.concurrent.TimeUnit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A subscriber's view of one stream, with a bounded queue of its own: the stream never waits for it.
 * Its first packet is a video key frame. A subscriber that falls behind loses whole groups of pictures
 * and resumes at the next key frame ({@link #lostPackets()} counts what it lost). One thread takes.
 */
@ProviderType
public interface LiveSubscription extends AutoCloseable {

    LiveStream stream();

    /**
     * The next packet, waiting up to {@code timeout}; {@code null} when none came in time or the
     * stream has ended ({@link #ended()}).
     */
    LivePacket take(long timeout, TimeUnit unit) throws InterruptedException;

    /** Whether the stream has ended (the lesson stopped, the camera left) and every packet was taken. */
    boolean ended();

    /** Packets dropped because this subscriber fell behind. */
    long lostPackets();

    /** Leaves the stream; the queue is dropped. */
    @Override
    void close();
}
