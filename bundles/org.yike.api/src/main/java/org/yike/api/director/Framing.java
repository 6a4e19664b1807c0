package org.yike.api.director;

import java.util.Objects;

/**
 * How a source is framed for a shot: a camera with PTZ goes to a {@code preset}; any other picture
 * can be cropped (electronic PTZ) to the rectangle {@code x, y, width, height}, in fractions of the
 * picture from its top left.
 */
public record Framing(String preset, double x, double y, double width, double height) {

    public Framing {
        if (preset == null) {
            if (x < 0 || y < 0 || width <= 0 || height <= 0 || x + width > 1.000001 || y + height > 1.000001) {
                throw new IllegalArgumentException("a crop must lie inside the picture: " + x + "," + y + " " + width + "x" + height);
            }
        }
    }

    public static Framing preset(String preset) {
        return new Framing(Objects.requireNonNull(preset, "preset"), 0, 0, 1, 1);
    }

    public static Framing crop(double x, double y, double width, double height) {
        return new Framing(null, x, y, width, height);
    }

    public boolean isCrop() {
        return preset == null;
    }
}
