package org.yike.vision.board.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;

/** A dark-green board drawn by the test, seen at 2 pictures a second with noise, through a watch at its defaults. */
public class BoardWatchTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final int BOARD = 50, CHALK = 200;
    private final Random random = new Random(11);
    private final List<double[]> writing = new ArrayList<>();
    private final List<Long> when = new ArrayList<>();

    private void show(BoardWatch watch, long millis, Drawing d, double gain) {
        double[] at = watch.see(d.cells(gain, 4, random), START.plusMillis(millis));
        if (at != null) {
            writing.add(at);
            when.add(millis);
        }
    }

    private static BoardWatch watch(double... zone) {
        return new BoardWatch(16, Duration.ofSeconds(2), 0.05, Duration.ofSeconds(10), zone);
    }

    @Test
    public void aGrowingPenStrokeIsWritingWhereItIs() {
        BoardWatch watch = watch(0, 0, 1, 1);
        Drawing board = new Drawing(BOARD);
        for (long t = 0; t < 20_000; t += 500) {
            // from 3 s on, a line 2 pixels thick grows 6 pixels a picture from x = 100 to 220, at y = 60
            if (t >= 3_000) board.box(100, 60, (int) Math.min(120, (t - 3_000) / 500 * 6 + 6), 2, CHALK);
            show(watch, t, board, 1);
        }
        assertEquals("reported once, then not again within 10 s: " + when, 1, when.size());
        assertTrue("within 3 s of the first stroke: " + when, when.get(0) <= 6_000);
        double[] at = writing.get(0);
        assertTrue("x " + at[0] + " on the stroke", at[0] >= 96.0 / 320 && at[0] <= 224.0 / 320);
        assertEquals("y on the stroke", 61.0 / 180, at[1], 0.05);
    }

    @Test
    public void writingOutsideTheZoneIsNotReported() {
        BoardWatch watch = watch(0, 0.5, 1, 0.5);
        Drawing board = new Drawing(BOARD);
        for (long t = 0; t < 10_000; t += 500) {
            if (t >= 1_000) board.box(100, 60, (int) Math.min(120, (t - 1_000) / 500 * 6 + 6), 2, CHALK);
            show(watch, t, board, 1);
        }
        assertEquals(List.of(), when);
    }

    @Test
    public void aTeacherPassingOrStandingInFrontIsNotWriting() {
        BoardWatch watch = watch(0, 0, 1, 1);
        for (long t = 0; t < 30_000; t += 500) {
            Drawing d = new Drawing(BOARD);
            // walks across from 2 s to 10 s, stands still from 12 s to 20 s, leaves at 20 s
            if (t >= 2_000 && t < 10_000) d.box((int) ((t - 2_000) / 500 * 18), 20, 60, 160, 120);
            if (t >= 12_000 && t < 20_000) d.box(130, 20, 60, 160, 120);
            show(watch, t, d, 1);
        }
        assertEquals(List.of(), when);
    }

    @Test
    public void aFlickeringLampAndNoiseAreNotWriting() {
        BoardWatch watch = watch(0, 0, 1, 1);
        Drawing board = new Drawing(BOARD).box(20, 20, 100, 30, CHALK);
        for (long t = 0; t < 120_000; t += 500) show(watch, t, board, 0.8 + 0.4 * random.nextDouble());
        assertEquals(List.of(), when);
    }
}
