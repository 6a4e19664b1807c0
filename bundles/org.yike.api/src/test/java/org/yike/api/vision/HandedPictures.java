package org.yike.api.vision;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link Pictures} for a detector's unit test: each subscription gets what the test hands it, as the
 * recording would hand a lesson's pictures. (The recording's own implementation is tested in its bundle
 * and in Felix.)
 */
public final class HandedPictures implements Pictures {

    /** A subscription, with what the test hands it waiting to be taken. */
    public static final class Handed implements PictureSubscription {
        private final PictureRequest request;
        private final BlockingQueue<Picture> waiting = new LinkedBlockingQueue<>();
        private volatile boolean closed;

        Handed(PictureRequest request) {
            this.request = request;
        }

        /** The next picture the subscriber takes. */
        public void hand(Picture picture) {
            waiting.add(picture);
        }

        /** How many pictures handed are not taken yet. */
        public int waiting() {
            return waiting.size();
        }

        @Override
        public PictureRequest request() {
            return request;
        }

        @Override
        public Picture take(long timeout, TimeUnit unit) throws InterruptedException {
            return closed ? null : waiting.poll(timeout, unit);
        }

        @Override
        public long lostPictures() {
            return 0;
        }

        @Override
        public boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<Handed> subscriptions = new CopyOnWriteArrayList<>();

    /** The subscriptions made so far, in order. */
    public List<Handed> subscriptions() {
        return subscriptions;
    }

    @Override
    public List<PictureSource> sources() {
        return List.of();
    }

    @Override
    public Handed subscribe(PictureRequest request) {
        Handed h = new Handed(request);
        subscriptions.add(h);
        return h;
    }
}
