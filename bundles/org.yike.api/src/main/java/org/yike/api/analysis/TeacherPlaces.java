package org.yike.api.analysis;

import java.util.List;
import java.util.Map;

/**
 * Where the teacher was, from the tracker's positions (0..1 of the teacher camera's picture from its top left):
 * {@code trackedMillis} of the lesson with a known position; {@code heatMillis}, how long in each cell of a grid
 * of {@code columns} × {@code rows} (rows from the top, each row's cells from the left); {@code zoneShares}, each
 * configured zone's share of the tracked time (and {@code other}'s, outside every zone), in the zones' order.
 */
public record TeacherPlaces(long trackedMillis, int columns, int rows, List<List<Long>> heatMillis, Map<String, Double> zoneShares) {

    public TeacherPlaces {
        heatMillis = heatMillis.stream().map(List::copyOf).toList();
    }
}
