package org.yike.live.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A player reading FLV from an HTTP response, written by the request's own thread. */
final class HttpViewer extends Viewer {

    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();

    @Override
    void write(byte[] message) {
        messages.add(message);
    }

    @Override
    void keepAlive() {
        // an HTTP player connects only to a running stream and gets bytes all along
    }

    @Override
    void close(int code, String reason) {
        // what it has not written yet is dropped: a viewer closed for falling behind gets no more
        messages.clear();
        messages.add(END);
    }

    /** Writes what the hub hands over until it closes this viewer or the player goes. */
    void serve(OutputStream out) throws IOException, InterruptedException {
        while (true) {
            byte[] m = messages.poll(1, TimeUnit.SECONDS);
            if (m == END) return;
            if (m == null) continue;
            out.write(m);
            out.flush();
            written();
        }
    }
}
