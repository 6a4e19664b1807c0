package org.yike.recording.internal.output;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.yike.api.encoder.VideoFrame;

/**
 * One program picture (I420) shared read-only by every profile's encoder (or one raw source's
 * picture on its way to its own file), and returned to its pool when the last of them is done
 * with it. The pool is small and fixed: when encoders fall behind, the program thread waits for a
 * free picture instead of filling memory.
 */
public final class ProgramFrame {

    final int width;
    final int height;
    final ByteBuffer i420;
    long timestampMicros;
    private final Pool pool;
    private final AtomicInteger users = new AtomicInteger();

    private ProgramFrame(Pool pool, int width, int height) {
        this.pool = pool;
        this.width = width;
        this.height = height;
        this.i420 = ByteBuffer.allocateDirect(VideoFrame.bytes(width, height));
    }

    /** Done with this picture. */
    void release() {
        if (users.decrementAndGet() == 0) pool.free.add(this);
    }

    public static final class Pool {

        private final BlockingQueue<ProgramFrame> free;

        public Pool(int frames, int width, int height) {
            free = new ArrayBlockingQueue<>(frames);
            for (int i = 0; i < frames; i++) free.add(new ProgramFrame(this, width, height));
        }

        /** A free picture holding a copy of {@code picture}, for {@code users} encoders. */
        public ProgramFrame fill(ByteBuffer picture, long timestampMicros, int users) throws InterruptedException {
            return copy(free.take(), picture, timestampMicros, users);
        }

        /** The same without waiting: {@code null} while every picture is in flight. */
        ProgramFrame fillIfFree(ByteBuffer picture, long timestampMicros, int users) {
            ProgramFrame f = free.poll();
            return f == null ? null : copy(f, picture, timestampMicros, users);
        }

        private static ProgramFrame copy(ProgramFrame f, ByteBuffer picture, long timestampMicros, int users) {
            f.i420.clear();
            f.i420.put(picture.duplicate().clear());
            f.i420.flip();
            f.timestampMicros = timestampMicros;
            f.users.set(users);
            return f;
        }
    }
}
