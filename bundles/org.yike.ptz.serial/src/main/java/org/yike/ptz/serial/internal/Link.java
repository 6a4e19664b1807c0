package org.yike.ptz.serial.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.service.IoConnector;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioDatagramConnector;
import org.apache.mina.transport.socket.nio.NioSocketConnector;

/**
 * A MINA connection to one camera (UDP or TCP), opened on the first frame and again after it was
 * lost; what the camera sends back waits in a queue for whoever expects an answer.
 */
final class Link implements Transport, AutoCloseable {

    private final IoConnector connector;
    private final InetSocketAddress address;
    private final Duration timeout;
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private IoSession session;

    private Link(IoConnector connector, String host, int port, Duration timeout) {
        this.connector = connector;
        this.address = new InetSocketAddress(host, port);
        this.timeout = timeout;
        connector.setConnectTimeoutMillis(timeout.toMillis());
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession s, Object message) {
                IoBuffer b = (IoBuffer) message;
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                received.offer(bytes);
            }
        });
    }

    static Link udp(String host, int port, Duration timeout) {
        return new Link(new NioDatagramConnector(), host, port, timeout);
    }

    static Link tcp(String host, int port, Duration timeout) {
        return new Link(new NioSocketConnector(), host, port, timeout);
    }

    @Override
    public synchronized void send(byte[] frame) throws IOException {
        WriteFuture w = session().write(IoBuffer.wrap(frame));
        if (!w.awaitUninterruptibly(timeout.toMillis()) || !w.isWritten()) {
            throw new IOException("cannot send to " + where() + (w.getException() == null ? "" : ": " + w.getException()));
        }
    }

    /** The next datagram or bytes the camera sent, or {@code null} after {@code wait}. */
    byte[] receive(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Forgets answers nobody waited for (late completions, say). */
    void clear() {
        received.clear();
    }

    Duration timeout() {
        return timeout;
    }

    String where() {
        return address.getHostString() + ":" + address.getPort();
    }

    private IoSession session() throws IOException {
        if (session != null && session.isConnected()) return session;
        ConnectFuture f = connector.connect(address);
        if (!f.awaitUninterruptibly(timeout.toMillis()) || !f.isConnected()) {
            throw new IOException("cannot reach " + where() + (f.getException() == null ? "" : ": " + f.getException().getMessage()));
        }
        session = f.getSession();
        return session;
    }

    @Override
    public void close() {
        connector.dispose();
    }
}
