package org.yike.vision.board.internal;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;

/** Slides drawn by the test, seen at 2 pictures a second with noise, through a watch at its defaults. */
public class SlideWatchTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private final Random random = new Random(7);
    private final SlideWatch watch = new SlideWatch(16, 0.10, Duration.ofSeconds(1));
    private final List<Long> seen = new ArrayList<>();

    /** The picture at {@code millis} after the start. */
    private void show(long millis, Cells cells) {
        Instant came = watch.see(cells, START.plusMillis(millis));
        if (came != null) seen.add(Duration.between(START, came).toMillis());
    }

    @Test
    public void aNewSlideIsSeenOnceWhenItHasSettledAndDatedWhenItCame() {
        for (long t = 0; t < 30_000; t += 500) {
            Drawing slide = Drawing.slide((int) (t / 10_000));
            // a clock in the corner ticks every second: a small change that is no new slide
            slide.box(280, 160, 30, 12, t / 1000 % 2 == 0 ? 0 : 255);
            show(t, slide.cells(1, 3, random));
        }
        assertEquals(List.of(10_000L, 20_000L), seen);
    }

    @Test
    public void aPlayingVideoIsNoNewSlide() {
        for (long t = 0; t < 30_000; t += 500) {
            Drawing d = Drawing.slide(0);
            // a video in half of the page: a new picture each time
            if (t >= 5_000) d.box(0, 40, 320, 100, 0).box((int) (t / 500 * 23 % 260), 50, 60, 80, 255);
            show(t, d.cells(1, 3, random));
        }
        assertEquals(List.of(), seen);
    }

    @Test
    public void aFlickeringLampAndNoiseAreNoNewSlide() {
        Drawing slide = Drawing.slide(1);
        for (long t = 0; t < 120_000; t += 500) {
            show(t, slide.cells(0.8 + 0.4 * random.nextDouble(), 5, random));
        }
        assertEquals(List.of(), seen);
    }
}
