package org.yike.recording.internal.input;

import org.yike.media.StreamReading;

/**
 * How often a compressed stream's key frames come, from the times of the last two: the reading
 * thread's. A camera's key frame interval is a setting of the camera, so the last one tells the next.
 */
final class KeyFrames {

    private static final long UNKNOWN = -1;

    private long lastMicros = UNKNOWN;
    private long intervalMicros = UNKNOWN;

    void seen(long micros) {
        if (micros == StreamReading.UNTIMED) return;
        if (lastMicros != UNKNOWN && micros > lastMicros) intervalMicros = micros - lastMicros;
        lastMicros = micros;
    }

    /** Whether key frames have come at least once every {@code periodMicros} (a tenth more allowed for jitter). */
    boolean atLeastEvery(long periodMicros) {
        return intervalMicros != UNKNOWN && intervalMicros <= periodMicros + periodMicros / 10;
    }
}
