package org.yike.driver.gb28181.internal;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class ReorderTest {

    private final Reorder reorder = new Reorder();
    private final List<Integer> out = new ArrayList<>();

    /** Packet {@code sequence} whose one byte of payload is its sequence number's low byte. */
    private void add(int ssrc, int... sequences) {
        for (int s : sequences) reorder.add(ssrc, s, ByteBuffer.wrap(new byte[] { (byte) s }), b -> out.add(b.get(b.position()) & 0xFF));
    }

    @Test
    public void packetsInOrderPassAtOnce() {
        add(7, 10, 11, 12);
        assertEquals(List.of(10, 11, 12), out);
    }

    @Test
    public void anEarlyPacketWaitsForTheOnesBeforeIt() {
        add(7, 10, 12, 13);
        assertEquals(List.of(10), out);
        add(7, 11);
        assertEquals(List.of(10, 11, 12, 13), out);
    }

    @Test
    public void lateAndRepeatedPacketsAreDropped() {
        add(7, 10, 11, 11, 9, 12);
        assertEquals(List.of(10, 11, 12), out);
    }

    @Test
    public void aLostPacketIsGivenUpOnceTheWindowIsFull() {
        add(7, 10);
        for (int s = 12; s <= 12 + Reorder.WINDOW; s++) add(7, s);
        List<Integer> expected = new ArrayList<>(List.of(10));
        for (int s = 12; s <= 12 + Reorder.WINDOW; s++) expected.add(s);
        assertEquals(expected, out);
    }

    @Test
    public void theSequenceWrapsAround() {
        add(7, 65534, 0, 65535, 1);
        assertEquals(List.of(65534 & 0xFF, 65535 & 0xFF, 0, 1), out);
    }

    @Test
    public void aNewSsrcStartsAfresh() {
        add(7, 10, 12);
        add(8, 500, 501);
        assertEquals(List.of(10, 500 & 0xFF, 501 & 0xFF), out);
    }

    @Test
    public void numberingAnewUnderTheSameSsrcStartsAfresh() {
        add(7, 5000, 5001, 0, 1);
        assertEquals(List.of(5000 & 0xFF, 5001 & 0xFF, 0, 1), out);
    }
}
