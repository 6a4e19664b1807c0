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
 * Where the RTP of an INVITEd stream comes in, on a port of the configured range: a UDP port, a TCP
 * port the device connects to ({@code a=setup:passive}), or a TCP connection Yike makes to the port
 * the device's answer names ({@code a=setup:active}); over TCP each packet framed by its 16-bit length
 * (RFC 4571). {@link #next} throws {@link java.net.SocketTimeoutException} after {@code silence}
 * without a packet, {@link java.io.EOFException} where the device closed the connection.
 */
abstract class RtpIn implements Closeable {

    /** The port the SDP offer names. */
    abstract int port();

    /** The SDP offer's transport: {@code RTP/AVP} or {@code TCP/RTP/AVP}. */
    abstract String protocol();

    /** The SDP offer's {@code a=setup} over TCP (RFC 4145): who connects; {@code null} over UDP. */
    String setup() {
        return null;
    }

    /** Connects to the device's answer's address and port, where Yike is the active side; else nothing. */
    void connect(InetSocketAddress device) throws IOException {
        // only the active side connects
    }

    /** Reads the next packet into {@code buffer} and says its length. */
    abstract int next(byte[] buffer) throws IOException;

    /** One RFC 4571 frame: a packet after its 16-bit length. */
    static int frame(DataInputStream in, byte[] buffer) throws IOException {
        int length = in.readUnsignedShort();
        in.readFully(buffer, 0, length);
        return length;
    }

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

    static RtpIn tcpActive(Duration silence) {
        return new TcpActive(silence);
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
            return frame(in, buffer);
        }

        @Override
        String setup() {
            return "passive";
        }

        @Override
        public void close() throws IOException {
            server.close();
            Socket c = connection;
            if (c != null) c.close();
        }
    }

    private static final class TcpActive extends RtpIn {

        /** RFC 4145: the active side's port in the offer means nothing; 9 (discard) says so. */
        private static final int NO_PORT = 9;

        private final Duration silence;
        private volatile Socket connection;
        private DataInputStream in;

        TcpActive(Duration silence) {
            this.silence = silence;
        }

        @Override
        int port() {
            return NO_PORT;
        }

        @Override
        String protocol() {
            return "TCP/RTP/AVP";
        }

        @Override
        String setup() {
            return "active";
        }

        @Override
        void connect(InetSocketAddress device) throws IOException {
            Socket s = new Socket();
            connection = s;
            s.connect(device, (int) silence.toMillis());
            s.setSoTimeout((int) silence.toMillis());
            in = new DataInputStream(s.getInputStream());
        }

        @Override
        int next(byte[] buffer) throws IOException {
            if (in == null) throw new IOException("not connected to the device's RTP port");
            return frame(in, buffer);
        }

        @Override
        public void close() throws IOException {
            Socket c = connection;
            if (c != null) c.close();
        }
    }
}
