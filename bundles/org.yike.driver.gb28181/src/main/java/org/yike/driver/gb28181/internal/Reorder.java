package org.yike.driver.gb28181.internal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts one stream's RTP payloads back in sequence order before they reach the PS demuxer, which
 * takes bytes out of order for a broken stream. A packet that comes early waits for those before it
 * until {@link #WINDOW} packets wait; then the missing ones count as lost. Late and repeated packets
 * are dropped; a new SSRC, or a packet far behind (the device restarted the stream), starts afresh.
 */
final class Reorder {

    static final int WINDOW = 32;
    /** A packet this far behind is no late one: the device numbers its packets anew. */
    static final int RESTART = 1000;

    private final Map<Integer, ByteBuffer> waiting = new HashMap<>();
    private int expected = -1;
    private int ssrc;

    /** Takes the payload of packet {@code sequence} of {@code ssrc}; hands {@code out} each payload now in order. */
    void add(int ssrc, int sequence, ByteBuffer payload, Consumer<ByteBuffer> out) {
        if (expected < 0 || ssrc != this.ssrc || (short) (sequence - expected) < -RESTART) {
            waiting.clear();
            this.ssrc = ssrc;
            expected = sequence;
        }
        int ahead = (short) (sequence - expected);
        if (ahead < 0) return;
        if (ahead > 0) {
            if (!waiting.containsKey(sequence)) waiting.put(sequence, copy(payload));
            if (waiting.size() <= WINDOW) return;
            expected = nearest();
        } else {
            out.accept(payload);
            expected = (expected + 1) & 0xFFFF;
        }
        for (ByteBuffer next; (next = waiting.remove(expected)) != null; expected = (expected + 1) & 0xFFFF) out.accept(next);
    }

    /** The waiting sequence number closest after the expected one. */
    private int nearest() {
        int best = expected;
        int distance = Integer.MAX_VALUE;
        for (int s : waiting.keySet()) {
            int d = (s - expected) & 0xFFFF;
            if (d < distance) {
                distance = d;
                best = s;
            }
        }
        return best;
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }
}
