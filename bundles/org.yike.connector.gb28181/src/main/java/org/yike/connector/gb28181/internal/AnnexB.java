package org.yike.connector.gb28181.internal;

import java.io.ByteArrayOutputStream;

/**
 * H.264 access units as PS carries them: Annex B, with the SPS and PPS before each key frame. A
 * live track gives its packets either as Annex B or length-prefixed (MP4's form, its config an
 * AVCDecoderConfigurationRecord); both come out as Annex B.
 */
final class AnnexB {

    private static final byte[] START = { 0, 0, 0, 1 };
    private static final int SPS = 7;

    /** The SPS and PPS as Annex B, from the track's config in either form; empty where it has none. */
    private final byte[] parameterSets;
    /** The bytes of a packet's NAL unit lengths; 0 where the packets are Annex B already. */
    private final int lengthSize;

    AnnexB(byte[] config) {
        if (config.length > 6 && config[0] == 1) {
            lengthSize = (config[4] & 0x03) + 1;
            parameterSets = fromRecord(config);
        } else {
            lengthSize = 0;
            parameterSets = config;
        }
    }

    /** The access unit as Annex B, the parameter sets before a key frame that lacks them. */
    byte[] accessUnit(byte[] data, boolean key) {
        byte[] annexB = lengthSize == 0 ? data : fromLengthPrefixed(data, lengthSize);
        if (!key || parameterSets.length == 0 || hasSps(annexB)) return annexB;
        byte[] all = new byte[parameterSets.length + annexB.length];
        System.arraycopy(parameterSets, 0, all, 0, parameterSets.length);
        System.arraycopy(annexB, 0, all, parameterSets.length, annexB.length);
        return all;
    }

    private static boolean hasSps(byte[] b) {
        for (int i = 0; i + 3 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1 && (b[i + 3] & 0x1F) == SPS) return true;
        }
        return false;
    }

    private static byte[] fromLengthPrefixed(byte[] data, int lengthSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 16);
        int i = 0;
        while (i + lengthSize <= data.length) {
            int n = 0;
            for (int k = 0; k < lengthSize; k++) n = (n << 8) | (data[i + k] & 0xFF);
            i += lengthSize;
            if (n < 0 || i + n > data.length) break;
            out.write(START, 0, START.length);
            out.write(data, i, n);
            i += n;
        }
        return out.toByteArray();
    }

    /** The SPSs and PPSs of an AVCDecoderConfigurationRecord (ISO 14496-15 5.2.4.1), each after a start code. */
    private static byte[] fromRecord(byte[] c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 5;
        for (int kind = 0; kind < 2 && i < c.length; kind++) {
            int count = kind == 0 ? c[i++] & 0x1F : c[i++] & 0xFF;
            for (int k = 0; k < count && i + 2 <= c.length; k++) {
                int n = ((c[i] & 0xFF) << 8) | (c[i + 1] & 0xFF);
                i += 2;
                if (i + n > c.length) return out.toByteArray();
                out.write(START, 0, START.length);
                out.write(c, i, n);
                i += n;
            }
        }
        return out.toByteArray();
    }
}
