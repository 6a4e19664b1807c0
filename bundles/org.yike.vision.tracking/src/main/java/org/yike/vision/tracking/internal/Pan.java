package org.yike.vision.tracking.internal;

/**
 * An electronic pan across a wide picture, as a calm camera operator would: the window ({@code width}
 * of the picture, centred at {@link #center()}) stays put while the person is in its middle third, and
 * once they leave it, pans towards them at most {@code maxSpeed} picture widths a second (faster the
 * further they are, so it starts and stops softly) until they are near its middle again.
 */
final class Pan {

    /** Near enough the middle to stop: a quarter of the middle third's half. */
    private static final double SETTLED = 1.0 / 4;
    /** Per second, the share of the distance to the person a pan covers, up to the top speed. */
    private static final double GAIN = 4.0;

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
        if (Math.abs(off) > third) panning = true;
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
