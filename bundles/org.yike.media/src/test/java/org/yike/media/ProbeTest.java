package org.yike.media;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ProbeTest {

    @Test
    public void readsFrameRateFractions() {
        assertEquals(25.0, Probe.rate("25/1"), 0);
        assertEquals(29.97, Probe.rate("30000/1001"), 0.01);
        assertEquals(0.0, Probe.rate("0/0"), 0);
    }
}
