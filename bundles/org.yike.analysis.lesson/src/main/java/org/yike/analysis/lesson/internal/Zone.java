package org.yike.analysis.lesson.internal;

import java.util.Locale;

/** A named rectangle of the teacher camera's picture, 0..1 from its top left, edges included. */
record Zone(String name, double left, double top, double right, double bottom) {

    /** Reads {@code "podium: 0.35 0 0.65 0.7"}: a name, then left, top, right and bottom. */
    static Zone parse(String text) {
        String[] parts = text.split(":", 2);
        String[] edges = parts.length == 2 ? parts[1].strip().split("\\s+") : new String[0];
        try {
            if (parts[0].isBlank() || edges.length != 4) throw new NumberFormatException();
            Zone z = new Zone(parts[0].strip(), Double.parseDouble(edges[0]), Double.parseDouble(edges[1]),
                    Double.parseDouble(edges[2]), Double.parseDouble(edges[3]));
            if (z.left < 0 || z.top < 0 || z.right > 1 || z.bottom > 1 || z.left >= z.right || z.top >= z.bottom) {
                throw new NumberFormatException();
            }
            return z;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "zone '%s' must be a name and left top right bottom within 0..1, e.g. 'podium: 0.35 0 0.65 0.7'", text));
        }
    }

    boolean contains(double x, double y) {
        return x >= left && x <= right && y >= top && y <= bottom;
    }
}
