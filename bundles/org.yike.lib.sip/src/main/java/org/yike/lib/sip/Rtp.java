package org.yike.lib.sip;

import java.nio.ByteBuffer;

/** RTP (RFC 3550) packets as GB/T 28181 devices send them: the payload read without the header, the fixed header written. */
public final class Rtp {

    /** The fixed header, which is all that Yike writes. */
    public static final int HEADER = 12;

    private Rtp() {
    }

    /** The sequence number of a packet that {@link #payload} took. */
    public static int sequence(byte[] b) {
        return ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** The SSRC of a packet that {@link #payload} took. */
    public static int ssrc(byte[] b) {
        return ((b[8] & 0xFF) << 24) | ((b[9] & 0xFF) << 16) | ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
    }

    /**
     * The payload of the packet in {@code b[0..length)}: after the fixed header, its CSRCs and its
     * extension, before its padding; {@code null} where it is no RTP version 2 packet.
     */
    public static ByteBuffer payload(byte[] b, int length) {
        if (length < HEADER || (b[0] & 0xC0) != 0x80) return null;
        int start = HEADER + 4 * (b[0] & 0x0F);
        if ((b[0] & 0x10) != 0) {
            if (length < start + 4) return null;
            start += 4 + 4 * (((b[start + 2] & 0xFF) << 8) | (b[start + 3] & 0xFF));
        }
        int end = (b[0] & 0x20) != 0 ? length - (b[length - 1] & 0xFF) : length;
        return start <= end ? ByteBuffer.wrap(b, start, end - start) : null;
    }

    /** Writes a fixed header (version 2, no padding, extension or CSRC) into {@code b[0..12)}. */
    public static void header(byte[] b, boolean marker, int payloadType, int sequence, long timestamp, int ssrc) {
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        b[2] = (byte) (sequence >> 8);
        b[3] = (byte) sequence;
        b[4] = (byte) (timestamp >> 24);
        b[5] = (byte) (timestamp >> 16);
        b[6] = (byte) (timestamp >> 8);
        b[7] = (byte) timestamp;
        b[8] = (byte) (ssrc >> 24);
        b[9] = (byte) (ssrc >> 16);
        b[10] = (byte) (ssrc >> 8);
        b[11] = (byte) ssrc;
    }

    /** Whether the packet's marker bit is set: for video, a frame's last packet. */
    public static boolean marker(byte[] b) {
        return (b[1] & 0x80) != 0;
    }

    /** The packet's timestamp, unsigned. */
    public static long timestamp(byte[] b) {
        return ((long) (b[4] & 0xFF) << 24) | ((b[5] & 0xFF) << 16) | ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
    }
}
