package org.yike.live.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each room is, for the patrol wall's groups: entries {@code room=building/floor} (a floor may be
 * left out: {@code 101=实验楼}). An entry of another shape is logged and left out; the others count.
 */
final class RoomPlaces {

    record Place(String building, String floor) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(RoomPlaces.class);

    private final Map<String, Place> places = new HashMap<>();

    RoomPlaces(String[] entries) {
        for (String entry : entries) {
            int is = entry.indexOf('=');
            String room = is < 0 ? "" : entry.substring(0, is).trim();
            String[] where = is < 0 ? new String[0] : entry.substring(is + 1).split("/", 2);
            if (room.isEmpty() || where.length == 0 || where[0].isBlank()) {
                LOG.error("Live settings: room place '{}' is not room=building/floor; left out", entry);
                continue;
            }
            places.put(room, new Place(where[0].trim(), where.length > 1 && !where[1].isBlank() ? where[1].trim() : null));
        }
    }

    Optional<Place> of(String room) {
        return Optional.ofNullable(places.get(room));
    }
}
