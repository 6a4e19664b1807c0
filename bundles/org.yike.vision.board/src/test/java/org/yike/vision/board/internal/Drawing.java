package org.yike.vision.board.internal;

import java.util.Arrays;
import java.util.Random;

/** A grey picture at the detector's size that a test draws: rectangles, camera noise, a lamp's flicker. */
final class Drawing {

    static final int W = BoardDetector.WIDTH, H = BoardDetector.HEIGHT;

    private final int[] luma = new int[W * H];

    Drawing(int background) {
        Arrays.fill(luma, background);
    }

    Drawing box(int x, int y, int w, int h, int value) {
        for (int row = Math.max(0, y); row < Math.min(H, y + h); row++) {
            for (int col = Math.max(0, x); col < Math.min(W, x + w); col++) luma[row * W + col] = value;
        }
        return this;
    }

    /** The picture as a camera gives it: all of it {@code gain} times as bright, with noise of {@code sigma}. */
    byte[] seen(double gain, double sigma, Random random) {
        byte[] b = new byte[W * H];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Math.max(0, Math.min(255, Math.round(luma[i] * gain + random.nextGaussian() * sigma)));
        }
        return b;
    }

    Cells cells(double gain, double sigma, Random random) {
        return Cells.of(seen(gain, sigma, random), W, H);
    }

    /** A slide on white: a title bar, a picture on the left or the right, and text lines beside it whose lengths {@code layout} sets. */
    static Drawing slide(int layout) {
        boolean pictureLeft = layout % 2 == 1;
        Drawing d = new Drawing(235).box(16, 20, 288, 18, 60).box(pictureLeft ? 16 : 224, 56, 80, 72, 120);
        for (int line = 0; line < 5; line++) {
            d.box(pictureLeft ? 112 : 16, 56 + line * 18, 40 + (layout * 37 + line * 53) % 150, 9, 80);
        }
        return d;
    }
}
