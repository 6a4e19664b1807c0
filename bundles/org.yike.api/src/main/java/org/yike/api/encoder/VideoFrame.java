package org.yike.api.encoder;

import java.nio.ByteBuffer;

/**
 * One picture in planar YUV 4:2:0 (I420: Y plane, then U, then V, no padding), the format cameras
 * and encoders share, so frames pass from source to encoder without conversion.
 */
public record VideoFrame(int width, int height, long timestampMicros, ByteBuffer i420) {

    public VideoFrame {
        int expected = bytes(width, height);
        if (i420.remaining() < expected) {
            throw new IllegalArgumentException("I420 " + width + "x" + height + " needs " + expected
                    + " bytes, got " + i420.remaining());
        }
    }

    public static int bytes(int width, int height) {
        return width * height * 3 / 2;
    }
}
