package org.yike.driver.gb28181.internal;

import java.util.HexFormat;
import java.util.Locale;

/**
 * GB/T 28181's PTZ command (annex A.3): 8 bytes as 16 hex digits in a DeviceControl's {@code PTZCmd}.
 * A5, a version and check nibble (0F for version 0), the address (1), the instruction, two data bytes
 * (pan and tilt speed, or a preset number), the zoom speed in the high nibble, and the sum of the
 * seven bytes before it.
 */
final class PtzCmd {

    private static final int RIGHT = 0x01;
    private static final int LEFT = 0x02;
    private static final int DOWN = 0x04;
    private static final int UP = 0x08;
    private static final int ZOOM_IN = 0x10;
    private static final int ZOOM_OUT = 0x20;
    private static final int GOTO_PRESET = 0x82;

    private PtzCmd() {
    }

    /** Pan, tilt and zoom at speeds in [-1, 1] (positive: right, up, in); all 0 stops. */
    static String move(double pan, double tilt, double zoom) {
        int instruction = (pan > 0 ? RIGHT : 0) | (pan < 0 ? LEFT : 0) | (tilt > 0 ? UP : 0) | (tilt < 0 ? DOWN : 0)
                | (zoom > 0 ? ZOOM_IN : 0) | (zoom < 0 ? ZOOM_OUT : 0);
        return command(instruction, scale(pan, 255), scale(tilt, 255), scale(zoom, 15));
    }

    static String stop() {
        return command(0, 0, 0, 0);
    }

    /** Preset {@code number}, 1..255. */
    static String gotoPreset(int number) {
        if (number < 1 || number > 255) throw new IllegalArgumentException("a GB/T 28181 preset is 1..255, not " + number);
        return command(GOTO_PRESET, 0, number, 0);
    }

    private static int scale(double speed, int max) {
        return (int) Math.round(Math.min(1, Math.abs(speed)) * max);
    }

    private static String command(int instruction, int data1, int data2, int zoom) {
        byte[] b = { (byte) 0xA5, 0x0F, 0x01, (byte) instruction, (byte) data1, (byte) data2, (byte) (zoom << 4), 0 };
        int sum = 0;
        for (int i = 0; i < 7; i++) sum += b[i] & 0xFF;
        b[7] = (byte) sum;
        return HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    }
}
