package org.yike.timetable.internal;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.yike.api.timetable.RowError;
import org.yike.api.timetable.TimetableRejected;

/** {@code bells.csv}: the periods of each bell profile (夏季/冬季作息), e.g. {@code winter,1,第1节,08:00,08:45}. */
final class Bells {

    record Bell(int row, String profile, int period, String label, LocalTime start, LocalTime end) {
    }

    /** Periods by number, per profile. */
    private final Map<String, TreeMap<Integer, Bell>> profiles;
    final int rows;

    private Bells(Map<String, TreeMap<Integer, Bell>> profiles, int rows) {
        this.profiles = profiles;
        this.rows = rows;
    }

    static Bells parse(byte[] csv) {
        List<Rows.Row> rows = Rows.read(csv, Set.of("profile", "period", "start", "end"));
        List<RowError> errors = new ArrayList<>();
        Map<String, TreeMap<Integer, Bell>> profiles = new HashMap<>();
        for (Rows.Row r : rows) {
            try {
                String profile = Cells.required(r, "profile");
                int period = Cells.number(r, "period", 1, 99);
                LocalTime start = Cells.time(r, "start");
                LocalTime end = Cells.time(r, "end");
                if (!end.isAfter(start)) throw new IllegalArgumentException("ends at " + end + ", not after it starts (" + start + ")");
                String label = r.cells().getOrDefault("label", "第" + period + "节");
                TreeMap<Integer, Bell> bells = profiles.computeIfAbsent(profile, p -> new TreeMap<>());
                Bell twin = bells.get(period);
                if (twin != null) throw new IllegalArgumentException("profile " + profile + " has period " + period + " already (row " + twin.row + ")");
                for (Bell b : bells.values()) {
                    if (start.isBefore(b.end) && b.start.isBefore(end)) {
                        throw new IllegalArgumentException("overlaps period " + b.period + " of profile " + profile + " (row " + b.row + ")");
                    }
                }
                bells.put(period, new Bell(r.number(), profile, period, label, start, end));
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(r.number(), e.getMessage()));
            }
        }
        if (rows.isEmpty()) errors.add(new RowError(2, "no bells: the file has a header only"));
        if (!errors.isEmpty()) throw new TimetableRejected(errors);
        return new Bells(profiles, rows.size());
    }

    boolean has(String profile) {
        return profiles.containsKey(profile);
    }

    Set<String> profiles() {
        return profiles.keySet();
    }

    /** The bell, or null where the profile has no such period. */
    Bell bell(String profile, int period) {
        TreeMap<Integer, Bell> bells = profiles.get(profile);
        return bells == null ? null : bells.get(period);
    }

    /** The period of the profile that starts at this time, or null. */
    Bell startingAt(String profile, LocalTime start) {
        TreeMap<Integer, Bell> bells = profiles.get(profile);
        if (bells == null) return null;
        return bells.values().stream().filter(b -> b.start.equals(start)).findFirst().orElse(null);
    }
}
