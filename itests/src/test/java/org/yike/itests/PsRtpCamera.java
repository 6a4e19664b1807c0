package org.yike.itests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * A GB/T 28181 camera's picture: the bundled ffmpeg makes H.264 in an MPEG program stream ({@code -f
 * mpeg}) in real time, and this sends it as RTP (payload type 96, 90 kHz, the SSRC the INVITE named)
 * to a port on loopback, 1400 bytes of PS a packet, as cameras do: over UDP, or over TCP, each
 * packet after its length (RFC 4571), on a connection to the port or one the platform makes to the camera.
 */
final class PsRtpCamera implements AutoCloseable {

    private static final int PAYLOAD = 1400;

    private final Process ffmpeg;
    private final Thread sender;
    private final DatagramSocket socket;
    private final ServerSocket listening;
    private volatile Socket connection;

    PsRtpCamera(InYike yike, int width, int height, int port, long ssrc, boolean tcp, Path log) throws IOException {
        this(yike, width, height, port, ssrc, tcp ? new Socket(InetAddress.getLoopbackAddress(), port) : null, null, log);
    }

    /** Over TCP where the platform connects ({@code a=setup:active}): the first connection to {@code listening} gets the stream. */
    PsRtpCamera(InYike yike, int width, int height, ServerSocket listening, long ssrc, Path log) throws IOException {
        this(yike, width, height, 0, ssrc, null, listening, log);
    }

    private PsRtpCamera(InYike yike, int width, int height, int port, long ssrc, Socket connection, ServerSocket listening, Path log)
            throws IOException {
        List<String> command = List.of(yike.media.ffmpeg().toString(), "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25,format=yuv420p,realtime", "-c:v", "libopenh264",
                "-b:v", "800k", "-g", "25", "-f", "mpeg", "pipe:1");
        ProcessBuilder b = new ProcessBuilder(command).redirectError(log.toFile()).redirectInput(new File("/dev/null"));
        b.environment().put("LD_LIBRARY_PATH", yike.media.ffmpeg().getParent().toString());
        ffmpeg = b.start();
        socket = new DatagramSocket();
        this.connection = connection;
        this.listening = listening;
        sender = new Thread(() -> send(ffmpeg.getInputStream(), port, ssrc), "ps-rtp-camera");
        sender.setDaemon(true);
        sender.start();
    }

    private void send(InputStream ps, int port, long ssrc) {
        byte[] packet = new byte[12 + PAYLOAD];
        long start = System.nanoTime();
        int sequence = 0;
        try {
            if (listening != null) connection = listening.accept();
            for (int n; (n = ps.read(packet, 12, PAYLOAD)) > 0;) {
                long timestamp = (System.nanoTime() - start) * 90 / 1_000_000;
                ByteBuffer header = ByteBuffer.wrap(packet, 0, 12);
                header.put((byte) 0x80).put((byte) 96).putShort((short) sequence++).putInt((int) timestamp).putInt((int) ssrc);
                if (connection == null) {
                    socket.send(new DatagramPacket(packet, 12 + n, InetAddress.getLoopbackAddress(), port));
                } else {
                    OutputStream out = connection.getOutputStream();
                    out.write(new byte[] { (byte) ((12 + n) >> 8), (byte) (12 + n) });
                    out.write(packet, 0, 12 + n);
                }
            }
        } catch (IOException e) {
            // stopped
        }
    }

    @Override
    public void close() throws InterruptedException {
        ffmpeg.destroy();
        ffmpeg.waitFor();
        socket.close();
        if (listening != null) {
            try {
                listening.close();
            } catch (IOException e) {
                // closed
            }
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException e) {
                // closed
            }
        }
        sender.join(2000);
    }
}
