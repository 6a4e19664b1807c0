package org.yike.api.device;

import java.time.Instant;
import java.util.Objects;

/**
 * What one source delivered when last measured: pictures per second (0 for sound), bits per second
 * of the stream as it arrives (compressed), and when. A school's device list shows these, so a camera
 * that sends 5 fps or 300 kbit/s instead of 25 fps and 4 Mbit/s is seen before a lesson suffers.
 * {@code bitsPerSecond} 0 means uncompressed: raw pictures or PCM (a capture card, a test source),
 * whose rate says nothing about the camera's health.
 */
public record StreamFigures(double framesPerSecond, long bitsPerSecond, Instant measuredAt) {

    public StreamFigures {
        Objects.requireNonNull(measuredAt, "measuredAt");
        if (framesPerSecond < 0 || bitsPerSecond < 0) {
            throw new IllegalArgumentException("negative figures: " + framesPerSecond + " fps, " + bitsPerSecond + " bit/s");
        }
    }
}
