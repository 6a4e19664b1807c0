package org.yike.scheduler.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yike.api.timetable.Session;

/**
 * When each session to record is recorded: from its start minus the pre-roll to its end plus the
 * post-roll. One room records one lesson at a time, so where two windows of a room meet, the first
 * stops and the next starts at the later of the first's end bell and the next's pre-roll: a
 * back-to-back lesson starts its own recording at its bell.
 */
final class Windows {

    record Window(Session session, Instant from, Instant to) {

        boolean holds(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    private Windows() {
    }

    static List<Window> of(List<Session> sessions, Duration preRoll, Duration postRoll) {
        Map<String, List<Session>> byRoom = new LinkedHashMap<>();
        for (Session s : sessions) if (s.record()) byRoom.computeIfAbsent(s.room(), r -> new ArrayList<>()).add(s);
        List<Window> windows = new ArrayList<>();
        for (List<Session> room : byRoom.values()) {
            room.sort(Comparator.comparing(Session::start));
            Instant from = null;
            for (int i = 0; i < room.size(); i++) {
                Session s = room.get(i);
                Instant start = s.start().toInstant().minus(preRoll);
                if (from == null || start.isAfter(from)) from = start;
                Instant to = s.end().toInstant().plus(postRoll);
                if (i + 1 < room.size()) {
                    Instant nextFrom = room.get(i + 1).start().toInstant().minus(preRoll);
                    if (nextFrom.isBefore(to)) {
                        Instant end = s.end().toInstant();
                        to = nextFrom.isAfter(end) ? nextFrom : end;
                    }
                }
                windows.add(new Window(s, from, to));
                from = to;
            }
        }
        windows.sort(Comparator.comparing(Window::from));
        return windows;
    }
}
