package org.yike.live.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A player on a WebSocket, as the JDK's client is one: it keeps every binary message and how the
 * socket closed. {@link #stopReading()} takes no more messages, so the server's writes back up.
 */
final class Watcher implements WebSocket.Listener {

    final List<byte[]> messages = new CopyOnWriteArrayList<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream part = new ByteArrayOutputStream();
    private volatile boolean reading = true;
    private WebSocket socket;

    static Watcher open(HttpClient client, URI uri) throws Exception {
        Watcher w = new Watcher();
        w.socket = client.newWebSocketBuilder().buildAsync(uri, w).get(10, TimeUnit.SECONDS);
        return w;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        part.writeBytes(bytes);
        if (last) {
            messages.add(part.toByteArray());
            part.reset();
        }
        if (reading) ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        closed.complete(code + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete("error " + error);
    }

    void stopReading() {
        reading = false;
    }

    void readAgain() {
        reading = true;
        socket.request(1);
    }

    void abort() {
        socket.abort();
    }

    /** Everything received, in order: an FLV file. */
    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        messages.forEach(all::writeBytes);
        return all.toByteArray();
    }
}
