package org.yike.connector.gb28181.internal;

import java.io.ByteArrayOutputStream;

/**
 * MPEG-2 program stream (ISO 13818-1 2.5) as GB/T 28181 sends it, one frame at a time: a pack header
 * before each frame, the system header and the program stream map before each key frame (so a
 * receiver that joins there knows the stream is H.264, and AAC where there is sound), then a video
 * frame in PES packets of stream {@code E0} with its PTS and DTS in the first, a sound frame in one
 * of stream {@code C0} with its PTS. Times are 90 kHz.
 */
final class PsWriter {

    /** Stream types of the map (ISO 13818-1 table 2-34, and GB/T 28181's H.265). */
    static final int H264 = 0x1B;
    static final int H265 = 0x24;
    /** AAC in ADTS frames (ISO 13818-7). */
    static final int AAC = 0x0F;
    private static final int VIDEO_STREAM = 0xE0;
    private static final int AUDIO_STREAM = 0xC0;
    /** What one PES packet's 16-bit length leaves for a frame after its flags, header length, PTS and DTS. */
    private static final int PES_ROOM = 0xFFFF - 13;
    /** The pack header's program_mux_rate in 50 bytes/s: 20 Mbit/s, more than a classroom's stream. */
    private static final int MUX_RATE = 50_000;

    private final int videoType;
    /** The sound's stream type; 0 for pictures only. */
    private final int audioType;

    PsWriter(int videoType, int audioType) {
        this.videoType = videoType;
        this.audioType = audioType;
    }

    /** One frame (an Annex B access unit) as PS. */
    byte[] video(byte[] frame, boolean key, long pts, long dts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + 64 + frame.length / PES_ROOM * 9);
        packHeader(out, dts);
        if (key) {
            systemHeader(out);
            streamMap(out);
        }
        int at = 0;
        do {
            int n = Math.min(PES_ROOM, frame.length - at);
            pes(out, VIDEO_STREAM, frame, at, n, at == 0, pts, dts);
            at += n;
        } while (at < frame.length);
        return out.toByteArray();
    }

    /** One sound frame (for AAC, with its ADTS header) as PS. */
    byte[] audio(byte[] frame, long pts) {
        if (frame.length > PES_ROOM) throw new IllegalArgumentException("a sound frame of " + frame.length + " bytes");
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + 32);
        packHeader(out, pts);
        pes(out, AUDIO_STREAM, frame, 0, frame.length, true, pts, -1);
        return out.toByteArray();
    }

    private static void packHeader(ByteArrayOutputStream out, long scr) {
        Bits b = new Bits(out);
        b.put(32, 0x000001BA);
        b.put(2, 1);
        b.put(3, scr >> 30);
        b.put(1, 1);
        b.put(15, scr >> 15);
        b.put(1, 1);
        b.put(15, scr);
        b.put(1, 1);
        b.put(9, 0); // SCR extension
        b.put(1, 1);
        b.put(22, MUX_RATE);
        b.put(2, 3);
        b.put(5, 0x1F); // reserved
        b.put(3, 0); // no stuffing
    }

    private void systemHeader(ByteArrayOutputStream out) {
        boolean sound = audioType != 0;
        Bits b = new Bits(out);
        b.put(32, 0x000001BB);
        b.put(16, 6 + 3 * (sound ? 2 : 1)); // what follows: the fixed part, three bytes a stream
        b.put(1, 1);
        b.put(22, MUX_RATE); // rate_bound
        b.put(1, 1);
        b.put(6, sound ? 1 : 0); // audio_bound
        b.put(1, 0); // fixed_flag
        b.put(1, 0); // CSPS_flag
        b.put(1, 1); // system_audio_lock_flag
        b.put(1, 1); // system_video_lock_flag
        b.put(1, 1);
        b.put(5, 1); // video_bound
        b.put(1, 0); // packet_rate_restriction_flag
        b.put(7, 0x7F);
        b.put(8, VIDEO_STREAM);
        b.put(2, 3);
        b.put(1, 1); // P-STD_buffer_bound_scale: units of 1024 bytes
        b.put(13, 400);
        if (sound) {
            b.put(8, AUDIO_STREAM);
            b.put(2, 3);
            b.put(1, 0); // units of 128 bytes
            b.put(13, 32);
        }
    }

    private void streamMap(ByteArrayOutputStream out) {
        int streams = audioType != 0 ? 2 : 1;
        ByteArrayOutputStream map = new ByteArrayOutputStream();
        Bits b = new Bits(map);
        b.put(32, 0x000001BC);
        b.put(16, 10 + 4 * streams); // what follows: flags, the two lengths, four bytes a stream, the CRC
        b.put(1, 1); // current_next_indicator
        b.put(2, 3);
        b.put(5, 0); // program_stream_map_version
        b.put(7, 0x7F);
        b.put(1, 1);
        b.put(16, 0); // program_stream_info_length
        b.put(16, 4 * streams); // elementary_stream_map_length
        b.put(8, videoType);
        b.put(8, VIDEO_STREAM);
        b.put(16, 0); // elementary_stream_info_length
        if (audioType != 0) {
            b.put(8, audioType);
            b.put(8, AUDIO_STREAM);
            b.put(16, 0);
        }
        byte[] m = map.toByteArray();
        out.write(m, 0, m.length);
        new Bits(out).put(32, crc32(m));
    }

    /** A PES packet of {@code stream}: PTS (and DTS where {@code dts} is not negative) in the first of a frame. */
    private static void pes(ByteArrayOutputStream out, int stream, byte[] frame, int at, int n, boolean first, long pts, long dts) {
        int times = first ? (dts >= 0 ? 10 : 5) : 0;
        Bits b = new Bits(out);
        b.put(32, 0x00000100 | stream);
        b.put(16, 3 + times + n);
        b.put(8, first ? 0x84 : 0x80); // '10', not scrambled, data_alignment_indicator on the frame's start
        b.put(8, times == 10 ? 0xC0 : times == 5 ? 0x80 : 0x00); // PTS_DTS_flags
        b.put(8, times);
        if (times == 10) {
            timestamp(b, 0b0011, pts);
            timestamp(b, 0b0001, dts);
        } else if (times == 5) {
            timestamp(b, 0b0010, pts);
        }
        out.write(frame, at, n);
    }

    private static void timestamp(Bits b, int prefix, long t) {
        b.put(4, prefix);
        b.put(3, t >> 30);
        b.put(1, 1);
        b.put(15, t >> 15);
        b.put(1, 1);
        b.put(15, t);
        b.put(1, 1);
    }

    /** MPEG-2's CRC-32 (polynomial 0x04C11DB7, not reflected, no final XOR), as the map's ends with. */
    static long crc32(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte d : data) {
            crc ^= (d & 0xFF) << 24;
            for (int k = 0; k < 8; k++) crc = crc < 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        return crc & 0xFFFFFFFFL;
    }

    /** Big-endian bit fields, whole bytes written as they fill. */
    private static final class Bits {
        private final ByteArrayOutputStream out;
        private long pending;
        private int count;

        Bits(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int bits, long value) {
            pending = (pending << bits) | (value & ((1L << bits) - 1));
            count += bits;
            while (count >= 8) {
                count -= 8;
                out.write((int) (pending >> count) & 0xFF);
            }
        }
    }
}
