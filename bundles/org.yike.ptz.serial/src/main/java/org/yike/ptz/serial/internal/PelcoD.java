package org.yike.ptz.serial.internal;

import java.util.List;

/**
 * Pelco-D frames, after Pelco's "Pelco D Protocol Manual" (C1300M): {@code FF, address, command 1,
 * command 2, data 1, data 2, checksum}, the checksum the sum of bytes 2 to 6 modulo 256. Command 2
 * bits: 02h right, 04h left, 08h up, 10h down, 20h zoom tele, 40h zoom wide; data 1 pan speed
 * 00-3Fh, data 2 tilt speed 00-3Fh; Go To Preset is command {@code 00 07}, data 2 the preset 1-FFh.
 */
final class PelcoD implements Commands {

    static final int SPEED_MAX = 0x3F;

    private final int address;

    /** {@code address} 1..255, as set on the camera's switches. */
    PelcoD(int address) {
        this.address = address;
    }

    @Override
    public List<byte[]> move(double pan, double tilt, double zoom) {
        int command2 = (pan > 0 ? 0x02 : 0) | (pan < 0 ? 0x04 : 0) | (tilt > 0 ? 0x08 : 0) | (tilt < 0 ? 0x10 : 0)
                | (zoom > 0 ? 0x20 : 0) | (zoom < 0 ? 0x40 : 0);
        return List.of(frame(0x00, command2, Commands.scale(pan, SPEED_MAX), Commands.scale(tilt, SPEED_MAX)));
    }

    @Override
    public byte[] recall(int preset) {
        return frame(0x00, 0x07, 0x00, preset);
    }

    @Override
    public int firstPreset() {
        return 1;
    }

    private byte[] frame(int command1, int command2, int data1, int data2) {
        int sum = (address + command1 + command2 + data1 + data2) % 256;
        return new byte[] {(byte) 0xFF, (byte) address, (byte) command1, (byte) command2, (byte) data1, (byte) data2,
                (byte) sum};
    }
}
