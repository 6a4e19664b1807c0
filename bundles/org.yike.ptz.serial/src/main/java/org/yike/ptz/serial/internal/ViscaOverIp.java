package org.yike.ptz.serial.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * VISCA commands in VISCA over IP packets, each with the next sequence number, each sent only
 * once the camera acknowledged the one before: a camera that gets a second command before its ACK
 * answers "command buffer full".
 */
final class ViscaOverIp implements Transport {

    /** Error codes of the VISCA command list ("Error Messages"). */
    private static final Map<Integer, String> ERRORS = Map.of(0x01, "message length error", 0x02, "syntax error",
            0x03, "command buffer full", 0x04, "command cancelled", 0x05, "no socket", 0x41, "command not executable");

    private final Link link;
    private long sequence;

    ViscaOverIp(Link link) {
        this.link = link;
    }

    @Override
    public synchronized void send(byte[] command) throws IOException {
        long seq = sequence++;
        link.clear();
        link.send(Visca.packet(Visca.COMMAND, seq, command));
        long deadline = System.nanoTime() + link.timeout().toNanos();
        try {
            for (;;) {
                long left = deadline - System.nanoTime();
                byte[] answer = left > 0 ? link.receive(Duration.ofNanos(left)) : null;
                if (answer == null) throw new IOException("no ACK from the camera at " + link.where() + " in " + link.timeout().toMillis() + " ms");
                Visca.Reply r = Visca.reply(answer);
                if (r.sequence() != seq) continue;
                if (r.kind() == Visca.Kind.ERROR) {
                    throw new IOException(String.format("the camera at %s refused the command: error %02X (%s)", link.where(),
                            r.error(), ERRORS.getOrDefault(r.error(), "unknown")));
                }
                if (r.kind() == Visca.Kind.ACK || r.kind() == Visca.Kind.COMPLETION) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the camera's ACK", e);
        }
    }
}
