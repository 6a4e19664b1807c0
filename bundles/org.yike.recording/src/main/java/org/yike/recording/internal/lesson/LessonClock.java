package org.yike.recording.internal.lesson;

import org.yike.api.runtime.Settings;
import org.yike.recording.internal.output.RawResource;

/**
 * A lesson's clock: real time, times the clock speed ({@link Settings#CLOCK_SPEED}; 1 but in
 * simulations). It starts once the opening shot has its pictures, and the lesson ends at
 * {@link #stopNanos()}: every frame due before it is encoded, even if the encoder lags.
 */
final class LessonClock {

    private final double speed;
    private final long origin = System.nanoTime();
    private volatile long startNanos;
    private volatile long stopNanos = Long.MAX_VALUE;

    LessonClock(double speed) {
        this.speed = speed;
    }

    double speed() {
        return speed;
    }

    /** The clock's time in nanoseconds: real time, times the speed; never 0, which means "not started". */
    long now() {
        return (long) ((System.nanoTime() - origin) * speed) + 1;
    }

    /** Starts the clock now; answers its start. */
    long start() {
        startNanos = now();
        return startNanos;
    }

    /** When the clock started, on {@link #now()}; 0 before. */
    long startNanos() {
        return startNanos;
    }

    /** Time since the start, in nanoseconds. */
    long sinceStart() {
        return now() - startNanos;
    }

    /** How far the clock has run, in milliseconds: 0 before its start, and no further than its stop. */
    long elapsedMillis() {
        long start = startNanos;
        return start == 0 ? 0 : Math.max(0, Math.min(now(), stopNanos) - start) / 1_000_000;
    }

    /** The time since the clock started, in nanoseconds ({@link RawResource#NOT_STARTED} before). */
    long runningNanos() {
        long start = startNanos;
        return start == 0 ? RawResource.NOT_STARTED : now() - start;
    }

    /** From now on no frame is due. */
    void stop() {
        stopNanos = now();
    }

    long stopNanos() {
        return stopNanos;
    }

    boolean stopped() {
        return stopNanos != Long.MAX_VALUE;
    }
}
