package org.yike.ptz.serial.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.HexFormat;
import java.util.List;

import org.junit.Test;

/** Frames byte for byte as the published command tables give them (cited on {@link Visca} and {@link PelcoD}). */
public class FramesTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static void assertFrames(List<byte[]> actual, String... expected) {
        assertEquals(expected.length, actual.size());
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], hex(expected[i]), actual.get(i));
    }

    @Test
    public void viscaPanTiltDriveAndZoom() {
        Visca v = new Visca(1);
        // Pan-tiltDrive Left at full speeds, zoom stop
        assertFrames(v.move(-1, 0, 0), "81 01 06 01 18 01 01 03 FF", "81 01 04 07 00 FF");
        // Right and Up at half speeds (0Ch, 0Ch), Zoom Tele (variable) at full speed
        assertFrames(v.move(0.5, 0.5, 1), "81 01 06 01 0C 0C 02 01 FF", "81 01 04 07 27 FF");
        // Down, Zoom Wide at the lowest speed
        assertFrames(v.move(0, -1, -0.01), "81 01 06 01 01 17 03 02 FF", "81 01 04 07 30 FF");
        // Stop: 03 03, speeds kept at 01
        assertFrames(v.move(0, 0, 0), "81 01 06 01 01 01 03 03 FF", "81 01 04 07 00 FF");
        assertArrayEquals(hex("83 01 04 3F 02 05 FF"), new Visca(3).recall(5));
    }

    @Test
    public void viscaOverIpHeaderAndReplies() {
        assertArrayEquals(hex("0100 0006 0000002A 81 01 04 07 00 FF"), Visca.packet(Visca.COMMAND, 42, hex("81 01 04 07 00 FF")));
        assertEquals(new Visca.Reply(42, Visca.Kind.ACK, 0), Visca.reply(hex("0111 0003 0000002A 90 41 FF")));
        assertEquals(new Visca.Reply(42, Visca.Kind.COMPLETION, 0), Visca.reply(hex("0111 0003 0000002A 90 51 FF")));
        assertEquals(new Visca.Reply(7, Visca.Kind.ERROR, 0x41), Visca.reply(hex("0111 0004 00000007 90 61 41 FF")));
        assertEquals(Visca.Kind.OTHER, Visca.reply(hex("0201 0001 00000000 01")).kind());
    }

    @Test
    public void pelcoDFramesAndChecksums() {
        PelcoD p = new PelcoD(1);
        // the manual's examples: left at full pan speed, stop, go to preset 1
        assertFrames(p.move(-1, 0, 0), "FF 01 00 04 3F 00 44");
        assertFrames(p.move(0, 0, 0), "FF 01 00 00 00 00 01");
        assertArrayEquals(hex("FF 01 00 07 00 01 09"), p.recall(1));
        // right + up + zoom tele: 02|08|20 = 2A; checksum wraps: 0A+00+2A+3F+3F = B2
        assertFrames(new PelcoD(10).move(1, 1, 1), "FF 0A 00 2A 3F 3F B2");
        // down + zoom wide at half speed: 10|40 = 50; FF+00+50+00+20 = 16F -> 6F
        assertFrames(new PelcoD(0xFF).move(0, -0.5, -1), "FF FF 00 50 00 20 6F");
    }
}
