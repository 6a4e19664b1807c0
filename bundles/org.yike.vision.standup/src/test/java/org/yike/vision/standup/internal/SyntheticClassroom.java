package org.yike.vision.standup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A student camera's grey picture, 640x360, drawn: a wall and a floor, three rows of seated students
 * (a head and a body, half hidden by the row's desk, smaller towards the back), camera noise, and
 * optionally lights that flicker, heads that move a few pixels, and students who stand up. Seeded,
 * so every run draws the same pictures.
 */
final class SyntheticClassroom {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    private static final int[] DESK_TOPS = {170, 230, 300};
    private static final double[] SCALES = {0.7, 0.85, 1.0};
    static final int PER_ROW = 6;

    /**
     * Student {@code seat} (row * 6 + place, row 0 at the back) starts to rise at {@code at} s, is up
     * after {@code move} s, stays up {@code up} s, and takes {@code move} s to sit back.
     */
    record Rise(int seat, double at, double up, double move) {

        Rise(int seat, double at, double up) {
            this(seat, at, up, 0.6);
        }

        double height(double t) {
            if (t < at || t > at + move + up + move) return 0;
            if (t < at + move) return (t - at) / move;
            if (t <= at + move + up) return 1;
            return (at + move + up + move - t) / move;
        }

        double sitsFrom() {
            return at + move + up;
        }
    }

    private final double flicker;
    private final int headMoves;
    private final List<Rise> rises = new ArrayList<>();
    private final Random random = new Random(19);
    private final byte[][] noise = new byte[8][];
    private final int[][] heads = new int[3 * PER_ROW][2];
    private final int[] clothes = new int[3 * PER_ROW];

    /**
     * @param flicker how much the lights vary the brightness, as a fraction (0.1: ±10 %)
     * @param headMoves how far heads wander, in pixels each way
     */
    SyntheticClassroom(double flicker, int headMoves) {
        this.flicker = flicker;
        this.headMoves = headMoves;
        for (int i = 0; i < noise.length; i++) {
            noise[i] = new byte[WIDTH * HEIGHT];
            for (int p = 0; p < noise[i].length; p++) noise[i][p] = (byte) Math.max(-8, Math.min(8, Math.round(random.nextGaussian() * 3)));
        }
        for (int s = 0; s < clothes.length; s++) clothes[s] = 35 + random.nextInt(50);
    }

    SyntheticClassroom rise(Rise r) {
        rises.add(r);
        return this;
    }

    /**
     * Where student {@code seat} is, as fractions of the picture: the middle across, the top of the
     * head when up, and the top of the desk in front.
     */
    static double[] seatAt(int seat) {
        int row = seat / PER_ROW;
        double s = SCALES[row];
        double headTop = DESK_TOPS[row] + 10 * s - 46 * s - 2 * 11 * s - 42 * s;
        return new double[] {(double) placeX(seat) / WIDTH, headTop / HEIGHT, (double) DESK_TOPS[row] / HEIGHT};
    }

    private static int placeX(int seat) {
        int row = seat / PER_ROW;
        return 55 + (seat % PER_ROW) * 106 + (row % 2) * 30;
    }

    /** The picture at {@code t} seconds. */
    byte[] picture(double t) {
        int[] p = new int[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            int shade = y < 140 ? 150 - y / 14 : 118;
            for (int x = 0; x < WIDTH; x++) p[y * WIDTH + x] = shade;
        }
        for (int row = 0; row < 3; row++) {
            double s = SCALES[row];
            for (int place = 0; place < PER_ROW; place++) {
                int seat = row * PER_ROW + place;
                if (headMoves > 0) {
                    for (int k = 0; k < 2; k++) {
                        heads[seat][k] = Math.max(-headMoves, Math.min(headMoves, heads[seat][k] + random.nextInt(3) - 1));
                    }
                }
                double up = 0;
                for (Rise r : rises) if (r.seat() == seat) up = Math.max(up, r.height(t));
                int lift = (int) Math.round(up * 42 * s);
                int cx = placeX(seat);
                int bodyBottom = DESK_TOPS[row] + (int) (10 * s) - lift;
                int bodyTop = bodyBottom - (int) (46 * s);
                box(p, cx - (int) (17 * s), bodyTop, cx + (int) (17 * s), bodyBottom, clothes[seat]);
                int r = (int) (11 * s);
                disc(p, cx + heads[seat][0], bodyTop - r + 2 + heads[seat][1], r, 185);
            }
            box(p, 0, DESK_TOPS[row], WIDTH, DESK_TOPS[row] + (int) (26 * s), 92);
        }
        double light = 1 + flicker * (0.7 * Math.sin(2 * Math.PI * 0.7 * t) + 0.3 * Math.sin(2 * Math.PI * 3.1 * t));
        byte[] n = noise[random.nextInt(noise.length)];
        byte[] grey = new byte[p.length];
        for (int i = 0; i < p.length; i++) grey[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(p[i] * light) + n[i]));
        return grey;
    }

    private static void box(int[] p, int x0, int y0, int x1, int y1, int v) {
        for (int y = Math.max(0, y0); y < Math.min(HEIGHT, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(WIDTH, x1); x++) p[y * WIDTH + x] = v;
        }
    }

    private static void disc(int[] p, int cx, int cy, int r, int v) {
        for (int y = Math.max(0, cy - r); y <= Math.min(HEIGHT - 1, cy + r); y++) {
            for (int x = Math.max(0, cx - r); x <= Math.min(WIDTH - 1, cx + r); x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) p[y * WIDTH + x] = v;
            }
        }
    }
}
