package org.yike.ptz.serial.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.DataInputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Test;

/** The PTZ service against cameras played by sockets on loopback. */
public class LoopbackPeerTest {

    private static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
    }

    /** A VISCA over IP camera: ACK then completion for each command, or the error {@code refuse} for a preset recall. */
    private static Thread viscaCamera(DatagramSocket socket, List<String> heard, int refuse) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64];
            try {
                for (;;) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] packet = Arrays.copyOf(p.getData(), p.getLength());
                    heard.add(hex(packet));
                    int seq = ByteBuffer.wrap(packet).getInt(4);
                    boolean recall = packet.length > 12 && packet[11] == 0x3F;
                    List<byte[]> replies = new ArrayList<>();
                    if (recall && refuse != 0) {
                        replies.add(reply(seq, 0x90, 0x60, refuse, 0xFF));
                    } else {
                        replies.add(reply(seq, 0x90, 0x41, 0xFF));
                        replies.add(reply(seq, 0x90, 0x51, 0xFF));
                    }
                    for (byte[] r : replies) socket.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
                }
            } catch (Exception e) {
                // socket closed: the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static byte[] reply(int seq, int... payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length).putShort((short) Visca.REPLY).putShort((short) payload.length).putInt(seq);
        for (int x : payload) b.put((byte) x);
        return b.array();
    }

    @Test
    public void viscaCommandsAreSentInSequenceAndAcknowledged() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            List<String> heard = new CopyOnWriteArrayList<>();
            viscaCamera(socket, heard, 0);
            ProtocolPtz ptz = new ProtocolPtz(Configs.of("protocol", "visca", "port", socket.getLocalPort()));
            try {
                ptz.move(-1, 0, 0);
                ptz.stop();
                ptz.gotoPreset("3");
            } finally {
                ptz.deactivate();
            }
            assertEquals(List.of(
                    "01 00 00 09 00 00 00 00 81 01 06 01 18 01 01 03 FF",
                    "01 00 00 06 00 00 00 01 81 01 04 07 00 FF",
                    "01 00 00 09 00 00 00 02 81 01 06 01 01 01 03 03 FF",
                    "01 00 00 06 00 00 00 03 81 01 04 07 00 FF",
                    "01 00 00 07 00 00 00 04 81 01 04 3F 02 03 FF"), heard);
        }
    }

    @Test
    public void aViscaErrorReplyIsSaidInWords() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            viscaCamera(socket, new CopyOnWriteArrayList<>(), 0x41);
            ProtocolPtz ptz = new ProtocolPtz(Configs.of("protocol", "visca", "port", socket.getLocalPort()));
            try {
                ptz.gotoPreset("1");
                fail("the camera refused");
            } catch (UncheckedIOException e) {
                assertTrue(e.getMessage(), e.getMessage().endsWith("refused the command: error 41 (command not executable)"));
            } finally {
                ptz.deactivate();
            }
        }
    }

    @Test
    public void aSilentViscaCameraTimesOut() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            ProtocolPtz ptz = new ProtocolPtz(Configs.of("protocol", "visca", "port", socket.getLocalPort(), "timeoutMillis", 200));
            try {
                ptz.stop();
                fail("nobody answered");
            } catch (UncheckedIOException e) {
                assertTrue(e.getMessage(), e.getCause().getMessage().startsWith("no ACK from the camera at 127.0.0.1:"));
            } finally {
                ptz.deactivate();
            }
        }
    }

    @Test
    public void pelcoDFramesArriveOverTcp() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProtocolPtz ptz = new ProtocolPtz(Configs.of("protocol", "pelcod", "port", server.getLocalPort(), "address", 2));
            try {
                ptz.move(1, 0, 0);
                ptz.gotoPreset("1");
                ptz.stop();
                try (Socket camera = server.accept()) {
                    DataInputStream in = new DataInputStream(camera.getInputStream());
                    byte[] frames = new byte[21];
                    in.readFully(frames);
                    assertEquals("FF 02 00 02 3F 00 43 FF 02 00 07 00 01 0A FF 02 00 00 00 00 02", hex(frames));
                }
                assertEquals("Pelco-D numbers presets from 1", "1", ptz.presets().get(0));
            } finally {
                ptz.deactivate();
            }
        }
    }

    @Test
    public void viscaPresetsStartAtZeroAndOthersAreRefused() {
        ProtocolPtz ptz = new ProtocolPtz(Configs.of("presetCount", 2));
        try {
            assertEquals(List.of("0", "1"), ptz.presets());
            ptz.gotoPreset("2");
            fail("no preset 2");
        } catch (IllegalArgumentException e) {
            assertEquals("preset 2 is not one of [0, 1]", e.getMessage());
        } finally {
            ptz.deactivate();
        }
    }
}
