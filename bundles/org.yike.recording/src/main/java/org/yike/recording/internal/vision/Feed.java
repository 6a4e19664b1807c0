package org.yike.recording.internal.vision;

import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureRequest;
import org.yike.api.vision.PictureSubscription;

/**
 * One subscriber's pictures: the newest of each wanted source, waiting to be taken, oldest first. A
 * picture that comes while its source's last one still waits replaces it: readers never wait.
 */
final class Feed implements PictureSubscription {

    private final PictureRequest request;
    private final Consumer<Feed> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    /** By source key; a replaced picture keeps its source's place in line. */
    private final Map<String, Picture> waiting = new LinkedHashMap<>();
    /** Counted under the lock, read without it. */
    private volatile long lost;
    private volatile boolean closed;

    Feed(PictureRequest request, Consumer<Feed> onClose) {
        this.request = request;
        this.onClose = onClose;
    }

    @Override
    public PictureRequest request() {
        return request;
    }

    /** From a source's reader. */
    void put(Picture picture) {
        lock.lock();
        try {
            if (closed) return;
            if (waiting.put(picture.source(), picture) != null) lost++;
            arrived.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Picture take(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (waiting.isEmpty() && !closed) {
                if (nanos <= 0) return null;
                nanos = arrived.awaitNanos(nanos);
            }
            if (closed) return null;
            Iterator<Picture> first = waiting.values().iterator();
            Picture p = first.next();
            first.remove();
            return p;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long lostPictures() {
        return lost;
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            waiting.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        onClose.accept(this);
    }
}
