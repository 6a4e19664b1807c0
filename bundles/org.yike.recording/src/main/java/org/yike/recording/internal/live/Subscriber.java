package org.yike.recording.internal.live;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveSubscription;

/**
 * One subscriber's bounded queue. The stream's thread only ever adds (or drops) under a lock the
 * taker holds for a moment, so a subscriber that stops taking never holds the stream up: once its
 * queue is full, what is queued and everything up to the next key frame is lost, counted, and it
 * resumes at that key frame. It starts at a key frame too; what came before that is not a loss.
 */
final class Subscriber implements LiveSubscription {

    private final Channel channel;
    private final int capacity;
    private final ArrayDeque<LivePacket> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    /** Had its first key frame. */
    private boolean started;
    /** Leaves out packets until the next key frame. */
    private boolean skipping = true;
    private boolean ended;
    private long lost;

    Subscriber(Channel channel, int capacity) {
        this.channel = channel;
        this.capacity = capacity;
    }

    void offer(LivePacket packet) {
        lock.lock();
        try {
            if (ended) return;
            if (!skipping && queue.size() >= capacity) {
                lost += queue.size();
                queue.clear();
                skipping = true;
            }
            if (skipping && !packet.startsPicture()) {
                if (started) lost++;
                return;
            }
            skipping = false;
            started = true;
            queue.add(packet);
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The stream has ended: what is queued can still be taken. */
    void end() {
        lock.lock();
        try {
            ended = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public LiveStream stream() {
        return channel.stream();
    }

    @Override
    public LivePacket take(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (queue.isEmpty() && !ended) {
                if (nanos <= 0) return null;
                nanos = arrived.awaitNanos(nanos);
            }
            return queue.poll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean ended() {
        lock.lock();
        try {
            return ended && queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long lostPackets() {
        lock.lock();
        try {
            return lost;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        channel.leave(this);
        lock.lock();
        try {
            ended = true;
            queue.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
