package org.yike.connector.gb28181.internal;

import java.util.ArrayList;
import java.util.List;

import org.yike.lib.sip.Rtp;

/**
 * A PS stream as RTP packets (payload type 96 at 90 kHz, as GB/T 28181's SDP says): each frame's PS
 * cut into packets that fit a UDP datagram on an Ethernet path, all with the frame's timestamp, the
 * marker on its last.
 */
final class RtpPacketizer {

    static final int PAYLOAD_TYPE = 96;
    /** What a packet carries: 1400 bytes of PS, within a 1500-byte MTU with IP, UDP and RTP headers. */
    static final int MAX_PAYLOAD = 1400;

    private final int ssrc;
    private int sequence;

    RtpPacketizer(int ssrc, int firstSequence) {
        this.ssrc = ssrc;
        this.sequence = firstSequence & 0xFFFF;
    }

    /** The packets of one frame's PS, timestamp {@code time} (90 kHz). */
    List<byte[]> packets(byte[] ps, long time) {
        List<byte[]> packets = new ArrayList<>(ps.length / MAX_PAYLOAD + 1);
        for (int at = 0; at < ps.length; at += MAX_PAYLOAD) {
            int n = Math.min(MAX_PAYLOAD, ps.length - at);
            byte[] p = new byte[Rtp.HEADER + n];
            Rtp.header(p, at + n == ps.length, PAYLOAD_TYPE, sequence, time, ssrc);
            sequence = (sequence + 1) & 0xFFFF;
            System.arraycopy(ps, at, p, Rtp.HEADER, n);
            packets.add(p);
        }
        return packets;
    }
}
