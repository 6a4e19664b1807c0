package org.yike.vision.tracking.internal;

/**
 * An electronic pan across a wide picture, as a calm camera operator would: the window ({@code width} of
 * the picture, centred at {@link #center()}) stays put while the person is near its middle, and once they
 * head for the edge of its middle third, pans towards them at most {@code maxSpeed} picture widths a
 * second (faster the further they are, so it starts and stops softly) until they are near its middle again.
 */
final class Pan {

    /**
     * A pan starts well before the person reaches the middle third's edge (a quarter of the way): what the
     * program shows lags the pictures seen by a few hundred milliseconds, and someone who starts walking is
     * at first seen halfway between them and their mark. It stops once they are near the middle.
     */
    private static final double START = 0.25;
    private static final double SETTLED = 0.1;
    /** Per second, the share of the distance to the person a pan covers, up to the top speed. */
    private static final double GAIN = 6.0;

    private final double width;
    private final double maxSpeed;
    private double center = Double.NaN;
    private boolean panning;

    Pan(double width, double maxSpeed) {
        if (!(width > 0 && width <= 1)) throw new IllegalArgumentException("a pan window is over 0 and at most 1 wide, not " + width);
        if (!(maxSpeed > 0)) throw new IllegalArgumentException("a pan moves faster than 0, not " + maxSpeed);
        this.width = width;
        this.maxSpeed = maxSpeed;
    }

    /** The person is at {@code x}, {@code seconds} after the last call: answers the window's centre now. */
    double follow(double x, double seconds) {
        if (Double.isNaN(center)) {
            center = inside(x);
            return center;
        }
        double off = x - center;
        double third = width / 6;
        if (Math.abs(off) > third * START) panning = true;
        else if (Math.abs(off) < third * SETTLED) panning = false;
        if (panning) {
            double step = Math.max(-maxSpeed, Math.min(maxSpeed, off * GAIN)) * seconds;
            center = inside(center + (Math.abs(step) > Math.abs(off) ? off : step));
        }
        return center;
    }

    double center() {
        return center;
    }

    double width() {
        return width;
    }

    /** The window never leaves the picture. */
    private double inside(double c) {
        return Math.max(width / 2, Math.min(1 - width / 2, c));
    }
}
