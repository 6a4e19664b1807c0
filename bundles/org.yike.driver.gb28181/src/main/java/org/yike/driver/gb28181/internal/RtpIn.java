package org.yike.driver.gb28181.internal;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * Where the RTP of an INVITEd stream comes in, on a port of the configured range: a UDP port, or a
 * TCP port the device connects to ({@code a=setup:passive}), each packet framed by its 16-bit length
 * (RFC 4571). {@link #next} throws {@link java.net.SocketTimeoutException} after {@code silence}
 * without a packet, {@link java.io.EOFException} where the device closed the connection.
 */
abstract class RtpIn implements Closeable {

    /** The port the SDP offer names. */
    abstract int port();

    /** The SDP offer's transport: {@code RTP/AVP} or {@code TCP/RTP/AVP}. */
    abstract String protocol();

    /** Reads the next packet into {@code buffer} and says its length. */
    abstract int next(byte[] buffer) throws IOException;

    static RtpIn udp(String address, int[] ports, Duration silence) throws IOException {
        IOException last = null;
        for (int port = ports[0]; port <= ports[1]; port++) {
            try {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(address, port));
                s.setSoTimeout((int) silence.toMillis());
                return new Udp(s);
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new IOException("no free UDP port for RTP in " + ports[0] + ".." + ports[1], last);
    }

    static RtpIn tcp(String address, int[] ports, Duration silence) throws IOException {
        IOException last = null;
        for (int port = ports[0]; port <= ports[1]; port++) {
            try {
                ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(address));
                s.setSoTimeout((int) silence.toMillis());
                return new Tcp(s, silence);
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new IOException("no free TCP port for RTP in " + ports[0] + ".." + ports[1], last);
    }

    private static final class Udp extends RtpIn {

        private final DatagramSocket socket;

        Udp(DatagramSocket socket) {
            this.socket = socket;
        }

        @Override
        int port() {
            return socket.getLocalPort();
        }

        @Override
        String protocol() {
            return "RTP/AVP";
        }

        @Override
        int next(byte[] buffer) throws IOException {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            socket.receive(p);
            return p.getLength();
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    private static final class Tcp extends RtpIn {

        private final ServerSocket server;
        private final Duration silence;
        private volatile Socket connection;
        private DataInputStream in;

        Tcp(ServerSocket server, Duration silence) {
            this.server = server;
            this.silence = silence;
        }

        @Override
        int port() {
            return server.getLocalPort();
        }

        @Override
        String protocol() {
            return "TCP/RTP/AVP";
        }

        /** The first packet waits for the device's connection; one device connects, and the port takes no other. */
        @Override
        int next(byte[] buffer) throws IOException {
            if (in == null) {
                connection = server.accept();
                server.close();
                connection.setSoTimeout((int) silence.toMillis());
                in = new DataInputStream(connection.getInputStream());
            }
            int length = in.readUnsignedShort();
            in.readFully(buffer, 0, length);
            return length;
        }

        @Override
        public void close() throws IOException {
            server.close();
            Socket c = connection;
            if (c != null) c.close();
        }
    }
}
