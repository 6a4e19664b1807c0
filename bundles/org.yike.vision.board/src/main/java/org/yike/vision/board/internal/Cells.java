package org.yike.vision.board.internal;

import java.util.Arrays;

/**
 * A grey picture reduced to the mean brightness of square cells: sensor noise averages out, and a
 * cell is the unit that changes. Comparisons correct for light that brightens or dims the whole picture
 * (a flickering lamp, a camera's automatic exposure) before they count a cell as changed.
 */
final class Cells {

    /** Pixels on a cell's side, at the analysis size. */
    static final int SIZE = 8;
    /** Cells darker than this say little about the light: their ratios are mostly noise. */
    private static final float LIT = 24;

    final int columns;
    final int rows;
    private final float[] mean;

    private Cells(int columns, int rows, float[] mean) {
        this.columns = columns;
        this.rows = rows;
        this.mean = mean;
    }

    static Cells of(byte[] grey, int width, int height) {
        int columns = (width + SIZE - 1) / SIZE, rows = (height + SIZE - 1) / SIZE;
        float[] sum = new float[columns * rows];
        int[] count = new int[columns * rows];
        for (int y = 0; y < height; y++) {
            int row = y / SIZE * columns;
            for (int x = 0; x < width; x++) {
                sum[row + x / SIZE] += grey[y * width + x] & 0xFF;
                count[row + x / SIZE]++;
            }
        }
        for (int i = 0; i < sum.length; i++) sum[i] /= count[i];
        return new Cells(columns, rows, sum);
    }

    int size() {
        return mean.length;
    }

    boolean sameShape(Cells other) {
        return other.columns == columns && other.rows == rows;
    }

    /**
     * How much brighter this picture is than {@code before} as a whole: the median ratio of their lit
     * cells, so that a part that really changed does not count as light.
     */
    float gain(Cells before) {
        float[] ratios = new float[mean.length];
        int n = 0;
        for (int i = 0; i < mean.length; i++) {
            if (before.mean[i] > LIT && mean[i] > LIT) ratios[n++] = mean[i] / before.mean[i];
        }
        if (n == 0) return 1;
        Arrays.sort(ratios, 0, n);
        return ratios[n / 2];
    }

    /** Whether cell {@code i} differs from {@code before}'s by more than {@code threshold}, in {@code before}'s light times {@code gain}. */
    boolean changed(int i, Cells before, float gain, int threshold) {
        return Math.abs(mean[i] - gain * before.mean[i]) > threshold;
    }

    /** The share (0..1) of cells, of those {@code in}, that differ from {@code before}'s. */
    double changedShare(Cells before, int threshold, boolean[] in) {
        float gain = gain(before);
        int changed = 0, all = 0;
        for (int i = 0; i < mean.length; i++) {
            if (!in[i]) continue;
            all++;
            if (changed(i, before, gain, threshold)) changed++;
        }
        return all == 0 ? 0 : (double) changed / all;
    }

    Cells copy() {
        return new Cells(columns, rows, mean.clone());
    }

    /** Takes cell {@code i} of {@code now}, seen with {@code gain} times this picture's light, as this picture's. */
    void adopt(int i, Cells now, float gain) {
        mean[i] = now.mean[i] / gain;
    }

    /** Every cell. */
    boolean[] all() {
        boolean[] in = new boolean[mean.length];
        Arrays.fill(in, true);
        return in;
    }

    /** The cells whose centres lie in the zone {@code x, y, w, h} (fractions of the picture). */
    boolean[] zone(double x, double y, double w, double h) {
        boolean[] in = new boolean[mean.length];
        for (int i = 0; i < mean.length; i++) {
            double cx = (i % columns + 0.5) / columns, cy = (i / columns + 0.5) / rows;
            in[i] = cx >= x && cx < x + w && cy >= y && cy < y + h;
        }
        return in;
    }
}
