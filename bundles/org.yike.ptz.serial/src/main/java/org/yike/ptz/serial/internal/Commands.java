package org.yike.ptz.serial.internal;

import java.util.List;

/** The frames of one PTZ protocol for one camera address; speeds in [-1, 1], positive is right, up, tele. */
interface Commands {

    /** One move: the frames that start (or, all speeds zero, stop) pan, tilt and zoom. */
    List<byte[]> move(double pan, double tilt, double zoom);

    byte[] recall(int preset);

    /** The number of the protocol's first preset. */
    int firstPreset();

    /** A speed's magnitude on a protocol's scale 1..max; zero stays zero. */
    static int scale(double speed, int max) {
        double s = Math.min(1, Math.abs(speed));
        return s == 0 ? 0 : Math.max(1, (int) Math.round(s * max));
    }
}
