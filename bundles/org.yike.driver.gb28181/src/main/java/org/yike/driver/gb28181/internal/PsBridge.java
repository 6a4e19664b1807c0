package org.yike.driver.gb28181.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.lib.sip.Rtp;

/**
 * A channel's picture where FFmpeg reads it: a TCP server on loopback that streams the PS the device
 * sends as RTP (over UDP, or over TCP by RFC 4571), headers taken off and in sequence order, to each
 * connected reader ({@code tcp://127.0.0.1:port}, demuxer {@code mpeg}). The first reader INVITEs
 * the channel, the last one to leave ends it with BYE. A stream that stops (no RTP for
 * {@link #LOST_AFTER}), is refused or ended by the device is ended and its readers disconnected:
 * the recording reconnects as after any lost camera, which INVITEs anew.
 *
 * <p>TCP rather than a pipe or UDP because a connection says both when a reader comes and when it
 * leaves, FFmpeg opens it like any network source, and loopback TCP loses nothing.
 */
final class PsBridge implements AutoCloseable {

    static final Duration LOST_AFTER = Duration.ofSeconds(5);
    private static final Duration INVITE_TIME = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PsBridge.class);

    private final String key;
    private final String deviceId;
    private final String channelId;
    private final Supplier<Optional<SipPlatform>> platform;
    private final int[] rtpPorts;
    /** {@code udp}, {@code tcp} (the device connects) or {@code tcp-active} (Yike connects). */
    private final String transport;
    private final ServerSocket server;
    private final List<Socket> readers = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private Stream stream;
    private volatile boolean closed;

    /**
     * @param key the channel device's id, naming threads and logs
     * @param transport {@code udp}, {@code tcp} (the device connects to Yike) or {@code tcp-active} (Yike connects to the device)
     */
    PsBridge(String key, String deviceId, String channelId, Supplier<Optional<SipPlatform>> platform, int[] rtpPorts, String transport)
            throws IOException {
        this.key = key;
        this.deviceId = deviceId;
        this.channelId = channelId;
        this.platform = platform;
        this.rtpPorts = rtpPorts;
        this.transport = transport;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "yike-gb28181-readers-" + key);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where FFmpeg reads the channel. */
    String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket reader;
            try {
                reader = server.accept();
            } catch (IOException e) {
                if (!closed) LOG.warn("GB/T 28181 channel {}: cannot take readers: {}", key, e.getMessage());
                return;
            }
            readers.add(reader);
            Thread watch = new Thread(() -> awaitLeaving(reader), "yike-gb28181-reader-" + key);
            watch.setDaemon(true);
            watch.start();
            synchronized (this) {
                if (stream == null) stream = new Stream();
            }
        }
    }

    /** A reader sends nothing: the end of its input is its leaving. */
    private void awaitLeaving(Socket reader) {
        try (InputStream in = reader.getInputStream()) {
            while (in.read() >= 0) {
                // FFmpeg sends nothing
            }
        } catch (IOException e) {
            // its connection broke: it left
        }
        leave(reader);
    }

    private void leave(Socket reader) {
        quietly(reader);
        readers.remove(reader);
        synchronized (this) {
            if (readers.isEmpty() && stream != null) {
                stream.end("the last reader left");
                stream = null;
            }
        }
    }

    /** Ends the stream and disconnects its readers, who come again (and INVITE anew) if they still want it. */
    private void lost(Stream lost, String why) {
        synchronized (this) {
            if (stream != lost) return;
            stream = null;
        }
        LOG.warn("GB/T 28181 channel {}: stream lost: {}", key, why);
        lost.end(why);
        for (Socket r : readers) quietly(r);
    }

    /** One INVITEd stream: its RTP socket and the thread that copies its payloads to the readers. */
    private final class Stream {

        private final Thread thread;
        private volatile SipPlatform.Call call;
        private volatile SipPlatform via;
        private volatile RtpIn rtp;
        private volatile boolean ended;

        Stream() {
            thread = new Thread(this::run, "yike-gb28181-rtp-" + key);
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            CompletableFuture<SipPlatform.Call> invited = null;
            try {
                via = platform.get().orElseThrow(() -> new IOException("the GB/T 28181 platform is not listening"));
                String address = via.settings().address();
                rtp = switch (transport) {
                    case "tcp" -> RtpIn.tcp(address, rtpPorts, LOST_AFTER);
                    case "tcp-active" -> RtpIn.tcpActive(LOST_AFTER);
                    default -> RtpIn.udp(address, rtpPorts, LOST_AFTER);
                };
                invited = via.invite(deviceId, channelId, rtp.port(), rtp.protocol(), rtp.setup(),
                        () -> lost(this, "the device ended the stream (BYE)"));
                call = invited.get(INVITE_TIME.toMillis(), TimeUnit.MILLISECONDS);
                if ("active".equals(rtp.setup())) {
                    if (call.media == null) throw new IOException("the device's answer names no address to connect to");
                    rtp.connect(call.media);
                }
                LOG.info("GB/T 28181 channel {}: INVITEd, PS over {} to port {} (SSRC {})", key, rtp.protocol(), rtp.port(), call.ssrc);
                if (ended) via.bye(call);
                else copy();
            } catch (ExecutionException e) {
                lost(this, e.getCause().getMessage());
            } catch (SocketTimeoutException e) {
                lost(this, "no RTP for " + LOST_AFTER.toSeconds() + " s");
            } catch (EOFException e) {
                lost(this, "the device closed the RTP connection");
            } catch (IOException e) {
                if (!ended) lost(this, e.getMessage());
            } catch (TimeoutException e) {
                lost(this, "the device did not answer the INVITE in " + INVITE_TIME.toSeconds() + " s");
            } catch (InterruptedException e) {
                // ended while the device was asked: a late answer is ended at once
                if (invited != null) invited.thenAccept(via::bye);
            } finally {
                if (rtp != null) quietly(rtp);
            }
        }

        private void copy() throws IOException {
            byte[] buffer = new byte[65536];
            Reorder reorder = new Reorder();
            while (!ended) {
                int length = rtp.next(buffer);
                ByteBuffer payload = Rtp.payload(buffer, length);
                if (payload != null) reorder.add(Rtp.ssrc(buffer), Rtp.sequence(buffer), payload, this::write);
            }
        }

        private void write(ByteBuffer payload) {
            for (Socket r : readers) {
                try {
                    OutputStream out = r.getOutputStream();
                    out.write(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
                } catch (IOException e) {
                    leave(r);
                }
            }
        }

        void end(String why) {
            ended = true;
            SipPlatform.Call c = call;
            if (c != null) {
                LOG.info("GB/T 28181 channel {}: ending the stream: {}", key, why);
                via.bye(c);
            }
            RtpIn in = rtp;
            if (in != null) quietly(in);
            thread.interrupt();
        }
    }

    private static void quietly(java.io.Closeable s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing what broke
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        synchronized (this) {
            if (stream != null) stream.end("the channel is removed");
            stream = null;
        }
        for (Socket r : readers) quietly(r);
    }
}
