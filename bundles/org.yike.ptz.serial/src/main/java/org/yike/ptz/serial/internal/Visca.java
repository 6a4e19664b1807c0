package org.yike.ptz.serial.internal;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Sony VISCA commands, from the command list of the Sony EVI-H100S/EVI-HD7V technical manual
 * ("VISCA Command List": Pan-tiltDrive {@code 8x 01 06 01 VV WW 0p 0q FF}, VV pan speed 01-18h,
 * WW tilt speed 01-17h, p 1 left 2 right 3 stop, q 1 up 2 down 3 stop; CAM_Zoom
 * {@code 8x 01 04 07 2p/3p/00 FF}, p speed 0-7; CAM_Memory Recall {@code 8x 01 04 3F 02 pp FF}),
 * and the VISCA over IP framing of the Sony SRG-300SE/SRG-360SHE "Command List" (an 8-byte header:
 * payload type, payload length, sequence number, big-endian).
 */
final class Visca implements Commands {

    static final int COMMAND = 0x0100;
    static final int REPLY = 0x0111;
    static final int PAN_MAX = 0x18;
    static final int TILT_MAX = 0x17;
    static final int ZOOM_MAX = 7;

    enum Kind { ACK, COMPLETION, ERROR, OTHER }

    /** A camera's answer to the command with {@code sequence}; {@code error} is the error code of an ERROR. */
    record Reply(long sequence, Kind kind, int error) {
    }

    private final int address;

    /** {@code address} 1..7: the camera on a VISCA daisy chain; 1 for a camera reached over IP. */
    Visca(int address) {
        this.address = address;
    }

    @Override
    public List<byte[]> move(double pan, double tilt, double zoom) {
        int p = pan > 0 ? 2 : pan < 0 ? 1 : 3;
        int q = tilt > 0 ? 1 : tilt < 0 ? 2 : 3;
        // a stop still carries speeds, and cameras refuse speed 0
        byte[] panTilt = {head(), 0x01, 0x06, 0x01, (byte) Math.max(1, Commands.scale(pan, PAN_MAX)),
                (byte) Math.max(1, Commands.scale(tilt, TILT_MAX)), (byte) p, (byte) q, (byte) 0xFF};
        int z = Commands.scale(zoom, ZOOM_MAX + 1) - 1;
        byte zoomByte = (byte) (zoom > 0 ? 0x20 | z : zoom < 0 ? 0x30 | z : 0x00);
        return List.of(panTilt, new byte[] {head(), 0x01, 0x04, 0x07, zoomByte, (byte) 0xFF});
    }

    @Override
    public byte[] recall(int preset) {
        return new byte[] {head(), 0x01, 0x04, 0x3F, 0x02, (byte) preset, (byte) 0xFF};
    }

    @Override
    public int firstPreset() {
        return 0;
    }

    private byte head() {
        return (byte) (0x80 | address);
    }

    static byte[] packet(int payloadType, long sequence, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putShort((short) payloadType).putShort((short) payload.length)
                .putInt((int) sequence).put(payload).array();
    }

    /** Reads a VISCA over IP reply: {@code 90 4y FF} ACK, {@code 90 5y FF} completion, {@code 90 6y ee FF} error. */
    static Reply reply(byte[] packet) {
        ByteBuffer b = ByteBuffer.wrap(packet);
        if (packet.length < 11 || (b.getShort() & 0xFFFF) != REPLY) return new Reply(-1, Kind.OTHER, 0);
        b.getShort();
        long sequence = b.getInt() & 0xFFFFFFFFL;
        int kind = packet[9] & 0xF0;
        return switch (kind) {
            case 0x40 -> new Reply(sequence, Kind.ACK, 0);
            case 0x50 -> new Reply(sequence, Kind.COMPLETION, 0);
            case 0x60 -> new Reply(sequence, Kind.ERROR, packet[10] & 0xFF);
            default -> new Reply(sequence, Kind.OTHER, 0);
        };
    }
}
