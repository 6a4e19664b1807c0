package org.yike.live.internal;

import java.util.ArrayDeque;

/**
 * One player of a stream's FLV. The hub hands it messages without waiting; it counts those not yet
 * written to its connection, so the hub can tell how far behind it has fallen and close it rather
 * than hold more for it.
 */
abstract class Viewer {

    /** When each message not yet written was handed over (System.nanoTime), oldest first. */
    private final ArrayDeque<Long> unwritten = new ArrayDeque<>();
    /** Whether it waits for its first key frame; the hub's thread only. */
    boolean waiting = true;

    /** Hands a message over; {@link #write} must not block. */
    final void send(byte[] message) {
        synchronized (unwritten) {
            unwritten.add(System.nanoTime());
        }
        write(message);
    }

    /** The oldest message handed over was written; implementations call it once per message, in order. */
    final void written() {
        synchronized (unwritten) {
            unwritten.poll();
        }
    }

    /** How long the oldest message not yet written has waited, in nanoseconds; 0 when all are written. */
    final long behindNanos(long now) {
        synchronized (unwritten) {
            Long oldest = unwritten.peek();
            return oldest == null ? 0 : now - oldest;
        }
    }

    /** Starts writing {@code message} to the connection, calling {@link #written()} once it is. */
    abstract void write(byte[] message);

    /** A sign of life while there is nothing to send, so the connection's idle timeout does not end it. */
    abstract void keepAlive();

    /** Closes the connection with a WebSocket close code and reason (an HTTP viewer's response just ends). */
    abstract void close(int code, String reason);
}
