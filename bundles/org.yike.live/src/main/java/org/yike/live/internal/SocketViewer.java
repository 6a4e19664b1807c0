package org.yike.live.internal;

import java.nio.ByteBuffer;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A player on a WebSocket: binary messages of FLV, sent without blocking. Public, as Jetty calls its
 * listener methods from another bundle.
 */
public final class SocketViewer extends Viewer implements Session.Listener.AutoDemanding {

    private final LiveHubs hubs;
    private final String room;
    private final String name;
    private volatile Session session;
    private volatile FlvHub hub;

    SocketViewer(LiveHubs hubs, String room, String name) {
        this.hubs = hubs;
        this.room = room;
        this.name = name;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        hub = hubs.watch(room, name, this);
    }

    @Override
    public void onWebSocketClose(int code, String reason) {
        leave();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        leave();
    }

    @Override
    void write(byte[] message) {
        session.sendBinary(ByteBuffer.wrap(message), Callback.from(this::written, failure -> leave()));
    }

    @Override
    void keepAlive() {
        session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    }

    @Override
    void close(int code, String reason) {
        session.close(code, reason, Callback.NOOP);
    }

    private void leave() {
        FlvHub h = hub;
        if (h != null) h.leave(this);
    }
}
