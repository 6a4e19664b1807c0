package org.yike.publish.internal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * When a target may be sent to: {@code 18:00-07:00} (across midnight) or {@code 12:00-13:30} in the
 * runtime's local time; empty means always.
 */
record TimeWindow(LocalTime from, LocalTime to) {

    static final TimeWindow ALWAYS = new TimeWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    static TimeWindow parse(String text) {
        if (text == null || text.isBlank()) return ALWAYS;
        String[] ends = text.trim().split("\\s*-\\s*");
        try {
            if (ends.length != 2) throw new DateTimeParseException(text, text, 0);
            return new TimeWindow(LocalTime.parse(ends[0]), LocalTime.parse(ends[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time window '" + text + "' is not like 18:00-07:00");
        }
    }

    boolean contains(LocalTime t) {
        if (from.equals(to)) return true;
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    @Override
    public String toString() {
        return this == ALWAYS ? "always" : from + "-" + to;
    }
}
