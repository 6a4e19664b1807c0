package org.yike.api.vision;

import java.time.Instant;

/**
 * One picture of a source as a {@link PictureRequest} asked for it. {@code room} and {@code lesson}
 * say where and during which lesson it was read; {@code number} counts the pictures this subscriber
 * was handed of that source (a gap means pictures it lost); {@code time} is when the recording read
 * it. The subscriber owns {@code data}.
 */
public record Picture(String room, String lesson, String source, long number, Instant time, int width, int height,
        PictureFormat format, byte[] data) {

    public Picture {
        if (data == null || data.length != format.bytes(width, height)) {
            throw new IllegalArgumentException("a " + width + "x" + height + " " + format + " picture takes "
                    + format.bytes(width, height) + " bytes");
        }
    }

    /** The first byte of the pixel in column {@code x}, row {@code y}: its brightness, in the format's range. */
    public int luma(int x, int y) {
        return data[y * width + x] & 0xFF;
    }
}
