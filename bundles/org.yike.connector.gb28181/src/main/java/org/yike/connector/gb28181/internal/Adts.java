package org.yike.connector.gb28181.internal;

/**
 * AAC frames as PS carries them (stream type 0x0F): each after an ADTS header (ISO 14496-3 1.A.2)
 * made from the track's AudioSpecificConfig. A frame that has its header already passes as it is.
 */
final class Adts {

    private static final int HEADER = 7;

    private final int profile;
    private final int frequency;
    private final int channels;

    /** @param config the AudioSpecificConfig: object type (5 bits), frequency index (4), channel configuration (4) */
    Adts(byte[] config) {
        if (config.length < 2) throw new IllegalArgumentException("an AAC track without its AudioSpecificConfig");
        profile = ((config[0] & 0xFF) >> 3) - 1;
        frequency = ((config[0] & 0x07) << 1) | ((config[1] & 0xFF) >> 7);
        channels = (config[1] >> 3) & 0x0F;
    }

    byte[] frame(byte[] raw) {
        if (raw.length > 1 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xF0) == 0xF0) return raw;
        int length = HEADER + raw.length;
        byte[] f = new byte[length];
        f[0] = (byte) 0xFF;
        f[1] = (byte) 0xF1; // MPEG-4, layer 0, no CRC
        f[2] = (byte) (((profile & 0x03) << 6) | (frequency << 2) | (channels >> 2));
        f[3] = (byte) (((channels & 0x03) << 6) | (length >> 11));
        f[4] = (byte) (length >> 3);
        f[5] = (byte) (((length & 0x07) << 5) | 0x1F); // buffer fullness 0x7FF: variable rate
        f[6] = (byte) 0xFC;
        System.arraycopy(raw, 0, f, HEADER, raw.length);
        return f;
    }
}
