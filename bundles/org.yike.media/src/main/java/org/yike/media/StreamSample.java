package org.yike.media;

import java.util.Objects;

import org.yike.api.device.StreamFigures;

/**
 * A live stream as {@link MediaRuntime#sample} found it: the streams it carries, and its figures
 * over the sampling window (pictures per second of its first video stream, 0 without one; bits per
 * second of all its packets, as they came, compressed).
 */
public record StreamSample(MediaInfo info, StreamFigures figures) {

    public StreamSample {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(figures, "figures");
    }
}
