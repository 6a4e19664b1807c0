package org.yike.api.encoder;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ProfileTest {

    @Test
    public void frameTimesDoNotAccumulateRoundingAtThirtyFps() {
        Profile p = new Profile("p", 640, 360, 30, 500, 60, 64, 48000, 2, "openh264");
        assertEquals(33_333, p.frameTimeMicros(1));
        assertEquals(100_000, p.frameTimeMicros(3));
        // 45 minutes: frame 81 000 is at exactly 2700 s, not 33 333 µs x 81 000
        assertEquals(2_700_000_000L, p.frameTimeMicros(81_000));
        // every frame's time maps back to its own number, as encoders round it
        for (long n = 49_990; n < 50_010; n++) {
            assertEquals(n, Math.round(p.frameTimeMicros(n) * 30 / 1e6));
            assertTrue(p.frameTimeMicros(n + 1) > p.frameTimeMicros(n));
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void anOddSizeIsRefused() {
        new Profile("p", 641, 360, 25, 500, 50, 64, 48000, 2, "openh264");
    }
}
