package org.yike.media.internal;

import java.time.Duration;
import java.time.Instant;

import org.yike.api.device.StreamFigures;
import org.yike.media.StreamReading;

/**
 * Counts a live stream's packets over a window of its own time: the pictures, and the bytes of
 * every packet, from its clock stream's first timed packet to the one that closes the window. The
 * same count whether the packets come from a probe or from a reader that has the stream open.
 */
final class WindowCount {

    private final long windowMicros;
    private long first = StreamReading.UNTIMED;
    private long span;
    private long pictures;
    private long bytes;
    private boolean complete;
    /** The packets stopped coming before the window was complete (the reader closed the stream). */
    private boolean abandoned;

    WindowCount(Duration window) {
        this.windowMicros = window.toNanos() / 1000;
    }

    /**
     * A packet of the clock stream (its first video stream, else its first stream) at {@code micros}
     * of its time ({@link StreamReading#UNTIMED}: none), or of another stream; {@code picture}: it
     * is a video packet. Answers whether the window is complete.
     */
    synchronized boolean add(boolean clock, boolean picture, long micros, long size) {
        if (complete || abandoned) return complete;
        if (clock && micros != StreamReading.UNTIMED) {
            if (first == StreamReading.UNTIMED) first = micros;
            if (micros - first >= windowMicros) {
                span = micros - first;
                complete = true;
                notifyAll();
                return true;
            }
        }
        if (clock && picture) pictures++;
        if (first != StreamReading.UNTIMED) bytes += size;
        return false;
    }

    synchronized void abandon() {
        abandoned = true;
        notifyAll();
    }

    /** Waits until the window is complete or abandoned, or {@link System#nanoTime()} reaches {@code deadline}: complete or not. */
    synchronized boolean await(long deadline) throws InterruptedException {
        for (long left; !complete && !abandoned && (left = deadline - System.nanoTime()) > 0;) {
            wait(Math.max(1, left / 1_000_000));
        }
        return complete;
    }

    synchronized boolean abandoned() {
        return abandoned && !complete;
    }

    /** Pictures and bits per second over the window; zeros where its packets carried no usable time. */
    synchronized StreamFigures figures() {
        double seconds = span / 1e6;
        if (seconds <= 0) return new StreamFigures(0, 0, Instant.now());
        return new StreamFigures(pictures / seconds, Math.round(bytes * 8 / seconds), Instant.now());
    }
}
