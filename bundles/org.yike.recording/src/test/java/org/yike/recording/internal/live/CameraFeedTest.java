package org.yike.recording.internal.live;

import static org.junit.Assert.assertArrayEquals;

import org.junit.Test;

public class CameraFeedTest {

    @Test
    public void adtsAacGoesOutRawWithTheConfigItsHeaderDescribes() {
        // FFmpeg's profile 1 is AAC LC (object type 2); 48 kHz is rate index 3
        assertArrayEquals(new byte[] {0x11, (byte) 0x90}, CameraFeed.audioSpecificConfig(1, 48000, 2));
        assertArrayEquals("no profile known: AAC LC", new byte[] {0x15, (byte) 0x88}, CameraFeed.audioSpecificConfig(-99, 8000, 1));
        byte[] adts = {(byte) 0xff, (byte) 0xf1, 0x50, (byte) 0x80, 0x01, (byte) 0xbf, (byte) 0xfc, 0x21, 0x22};
        assertArrayEquals(new byte[] {0x21, 0x22}, CameraFeed.withoutAdtsHeader(adts));
        byte[] raw = {0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29};
        assertArrayEquals("raw AAC stays as it is", raw, CameraFeed.withoutAdtsHeader(raw));
    }
}
