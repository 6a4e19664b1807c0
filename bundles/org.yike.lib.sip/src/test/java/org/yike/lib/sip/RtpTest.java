package org.yike.lib.sip;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertNull;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.Test;

public class RtpTest {

    private static byte[] bytes(ByteBuffer b) {
        return Arrays.copyOfRange(b.array(), b.position(), b.limit());
    }

    @Test
    public void thePayloadFollowsTheFixedHeader() {
        byte[] p = { (byte) 0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 42, 0, 0, 1, (byte) 0xBA };
        assertArrayEquals(new byte[] { 0, 0, 1, (byte) 0xBA }, bytes(Rtp.payload(p, p.length)));
    }

    @Test
    public void csrcsExtensionAndPaddingAreTakenOff() {
        // V=2, P, X, CC=1; one CSRC; an extension of one word; payload 7, 8; two bytes of padding
        byte[] p = { (byte) 0xB1, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 42, 9, 9, 9, 9, 1, 2, 0, 1, 5, 5, 5, 5, 7, 8, 0, 2 };
        assertArrayEquals(new byte[] { 7, 8 }, bytes(Rtp.payload(p, p.length)));
    }

    @Test
    public void whatIsNoRtpIsNull() {
        assertNull(Rtp.payload(new byte[] { 0, 0, 1, (byte) 0xBA }, 4));
        byte[] v1 = new byte[16];
        v1[0] = 0x40;
        assertNull(Rtp.payload(v1, 16));
        byte[] shortExtension = { (byte) 0x90, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 42, 1, 2 };
        assertNull(Rtp.payload(shortExtension, shortExtension.length));
    }
}
