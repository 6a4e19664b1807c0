package org.yike.api.encoder;

import java.nio.ShortBuffer;

/** Interleaved signed 16-bit PCM; {@code timestampMicros} is the time of the first sample. */
public record AudioChunk(int sampleRate, int channels, long timestampMicros, ShortBuffer samples) {

    public int frames() {
        return samples.remaining() / channels;
    }
}
