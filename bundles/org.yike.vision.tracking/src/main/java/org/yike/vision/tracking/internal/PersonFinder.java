package org.yike.vision.tracking.internal;

/**
 * Finds the person who moves in a camera's grey pictures. Each pixel is compared with a background
 * learnt over the last seconds, less the change of the whole picture's brightness (lights and flicker
 * move nobody); columns where many pixels differ form groups, gaps of 2 % of the width bridged. Only a
 * group in which something moved since the last picture is someone: the mark a person leaves where they
 * stood long enough to become background (a ghost) does not move, and fades within seconds. Of those,
 * the group nearest to where the person was last found is them.
 */
final class PersonFinder {

    /** Where the person is, 0..1 from the top left, and how much of the band they cover. */
    record Found(double x, double y, double share) {
    }

    /** Per picture, how fast the background takes on what it sees: where nobody is, and under someone. */
    private static final float RATE = 0.05f;
    private static final float RATE_UNDER_SOMEONE = 0.02f;

    private final double top;
    private final double bottom;
    private final int threshold;
    private float[] background;
    private byte[] previous;
    private float previousShift;
    private int width;
    private int height;
    private double lastX = Double.NaN;

    /**
     * @param top the band people are seen in, from its top ...
     * @param bottom ... to its bottom (0..1 of the picture's height): a floor or a ceiling that flickers is left out
     * @param threshold how far a pixel's brightness must differ from the background to belong to someone (0..255)
     */
    PersonFinder(double top, double bottom, int threshold) {
        if (!(top >= 0 && bottom <= 1 && top < bottom)) throw new IllegalArgumentException("the band runs from " + top + " to " + bottom);
        this.top = top;
        this.bottom = bottom;
        this.threshold = threshold;
    }

    /** The person moving in this picture, or {@code null}: nobody moves (or the background is still being learnt). */
    Found find(byte[] grey, int w, int h) {
        if (background == null || w != width || h != height) {
            learnFirst(grey, w, h);
            return null;
        }
        int from = (int) (top * h);
        int to = Math.max(from + 1, (int) (bottom * h));
        float shift = brightnessShift(grey, from, to);
        float step = shift - previousShift;
        int[] columns = new int[w];
        int[] moved = new int[w];
        long[] rows = new long[w];
        for (int y = from; y < to; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int i = row + x;
                int seen = grey[i] & 0xFF;
                float d = seen - shift - background[i];
                boolean someone = d > threshold || d < -threshold;
                if (someone) {
                    columns[x]++;
                    rows[x] += y;
                    float m = seen - (previous[i] & 0xFF) - step;
                    if (m > threshold || m < -threshold) moved[x]++;
                }
                background[i] += (someone ? RATE_UNDER_SOMEONE : RATE) * d;
            }
        }
        System.arraycopy(grey, 0, previous, 0, grey.length);
        previousShift = shift;
        Found f = nearestMovingGroup(columns, moved, rows, w, h, to - from);
        if (f != null) lastX = f.x();
        return f;
    }

    private void learnFirst(byte[] grey, int w, int h) {
        width = w;
        height = h;
        background = new float[w * h];
        for (int i = 0; i < background.length; i++) background[i] = grey[i] & 0xFF;
        previous = grey.clone();
        previousShift = 0;
        lastX = Double.NaN;
    }

    /** How much brighter the whole band is than its background: what lights and flicker add to every pixel. */
    private float brightnessShift(byte[] grey, int from, int to) {
        double sum = 0;
        long count = 0;
        for (int i = from * width; i < to * width; i += 7) {
            sum += (grey[i] & 0xFF) - background[i];
            count++;
        }
        return count == 0 ? 0 : (float) (sum / count);
    }

    private Found nearestMovingGroup(int[] columns, int[] moved, long[] rows, int w, int h, int band) {
        int least = Math.max(2, band / 25);
        int gap = Math.max(1, w / 50);
        // a figure at least a third of the band tall and a quarter of that wide (a flashing lamp or a
        // clock on the wall is smaller), and some of it moving
        long smallest = (long) (band / 3) * Math.max(2, band / 12);
        int leastMoved = Math.max(4, band / 10);
        Found best = null;
        long bestMass = 0;
        int start = -1;
        for (int x = 0, empty = 0; x <= w; x++) {
            if (x < w && columns[x] >= least) {
                if (start < 0) start = x;
                empty = 0;
                continue;
            }
            if (start < 0 || (++empty <= gap && x < w)) continue;
            int end = x - empty + 1;
            long mass = 0;
            long movedMass = 0;
            double xs = 0;
            long ys = 0;
            for (int c = start; c < end; c++) {
                mass += columns[c];
                movedMass += moved[c];
                xs += (double) c * columns[c];
                ys += rows[c];
            }
            start = -1;
            if (mass < smallest || movedMass < leastMoved) continue;
            Found f = new Found((xs / mass + 0.5) / w, ((double) ys / mass + 0.5) / h, (double) mass / ((long) w * band));
            boolean better = best == null
                    || (Double.isNaN(lastX) ? mass > bestMass : Math.abs(f.x() - lastX) < Math.abs(best.x() - lastX));
            if (better) {
                best = f;
                bestMass = mass;
            }
        }
        return best;
    }
}
