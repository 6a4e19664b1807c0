package org.yike.driver.gb28181.internal;

import java.nio.ByteBuffer;

/** RTP (RFC 3550) packets as GB/T 28181 devices send them: the payload without the header. */
final class Rtp {

    private static final int HEADER = 12;

    private Rtp() {
    }

    /** The sequence number of a packet that {@link #payload} took. */
    static int sequence(byte[] b) {
        return ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** The SSRC of a packet that {@link #payload} took. */
    static int ssrc(byte[] b) {
        return ((b[8] & 0xFF) << 24) | ((b[9] & 0xFF) << 16) | ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
    }

    /**
     * The payload of the packet in {@code b[0..length)}: after the fixed header, its CSRCs and its
     * extension, before its padding; {@code null} where it is no RTP version 2 packet.
     */
    static ByteBuffer payload(byte[] b, int length) {
        if (length < HEADER || (b[0] & 0xC0) != 0x80) return null;
        int start = HEADER + 4 * (b[0] & 0x0F);
        if ((b[0] & 0x10) != 0) {
            if (length < start + 4) return null;
            start += 4 + 4 * (((b[start + 2] & 0xFF) << 8) | (b[start + 3] & 0xFF));
        }
        int end = (b[0] & 0x20) != 0 ? length - (b[length - 1] & 0xFF) : length;
        return start <= end ? ByteBuffer.wrap(b, start, end - start) : null;
    }
}
