package org.yike.recording.internal.program;

import java.nio.ByteBuffer;

import org.yike.api.encoder.VideoFrame;

/**
 * A short dissolve from the last picture of one shot to the next: it begins when the new shot has
 * its first picture and lasts a fixed number of program pictures. I420 pictures blend plane by
 * plane, byte by byte.
 */
final class Fade {

    private final ByteBuffer from;
    private final ByteBuffer target;
    private final int frames;
    /** Pictures blended so far; -1: waiting for the new shot's first picture. */
    private int done = Integer.MAX_VALUE;
    private boolean targetReady;

    Fade(int width, int height, int frames) {
        this.from = ByteBuffer.allocateDirect(VideoFrame.bytes(width, height));
        this.target = ByteBuffer.allocateDirect(VideoFrame.bytes(width, height));
        this.frames = frames;
    }

    /** A cut: the dissolve will start from {@code program} as it is now. */
    void from(ByteBuffer program) {
        from.clear();
        from.put(program.duplicate().clear());
        done = -1;
        targetReady = false;
    }

    boolean running() {
        return done < frames;
    }

    /** Where the new shot is composed while the dissolve runs. */
    ByteBuffer target() {
        targetReady = true;
        return target;
    }

    /** The next picture of the dissolve into {@code program} (unchanged until the new shot has a picture). */
    void step(ByteBuffer program) {
        if (!targetReady) return;
        done = Math.max(done, 0) + 1;
        if (done >= frames) {
            program.clear();
            program.put(target.duplicate().clear());
            program.flip();
        } else {
            blend(from, target, done / (double) frames, program);
        }
    }

    /** {@code into = a + (b - a) * amount}, for every byte. */
    static void blend(ByteBuffer a, ByteBuffer b, double amount, ByteBuffer into) {
        int weight = (int) Math.round(amount * 256);
        for (int i = 0; i < into.capacity(); i++) {
            int x = a.get(i) & 0xFF;
            int y = b.get(i) & 0xFF;
            into.put(i, (byte) (x + (((y - x) * weight) >> 8)));
        }
    }
}
