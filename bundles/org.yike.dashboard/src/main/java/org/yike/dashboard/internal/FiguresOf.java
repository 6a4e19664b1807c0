package org.yike.dashboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonState;
import org.yike.api.dashboard.Figures;
import org.yike.api.evaluation.Evaluation;
import org.yike.api.timetable.Session;

/**
 * The figures of a span of days from what the timetable planned, what the catalog recorded and which
 * rooms have a device offline. A session's recordings are the catalog's lessons of its room, date and
 * period (one, or more where the runtime stopped inside it and recorded the rest); a lesson started by
 * hand belongs to no session and counts for nothing here.
 */
final class FiguresOf {

    private FiguresOf() {
    }

    /**
     * {@code views}: the span's lessons' views by lesson, the most viewed first; {@code evaluated}: their submitted
     * evaluations.
     */
    static Figures of(LocalDate from, LocalDate to, Instant now, double validFraction, Collection<Session> sessions,
            Collection<Lesson> lessons, Collection<String> deviceRooms, Collection<String> faultyRooms, boolean diskLow,
            Map<String, Long> views, List<Evaluation> evaluated) {
        Map<String, List<Lesson>> bySlot = lessons.stream().filter(l -> l.period() != null && l.state() != LessonState.SCHEDULED)
                .collect(Collectors.groupingBy(l -> slot(l.room(), l.date(), l.period())));
        List<String> planned = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        Map<String, List<String>> invalid = new TreeMap<>(Map.of(Figures.FAILED, new ArrayList<>(), Figures.PARTIAL,
                new ArrayList<>(), Figures.TOO_SHORT, new ArrayList<>()));
        List<String> valid = new ArrayList<>();
        Map<String, Long> courses = new TreeMap<>();
        Map<String, Long> grades = new TreeMap<>();
        TreeSet<String> rooms = new TreeSet<>(deviceRooms);
        for (Session s : sessions) {
            rooms.add(s.room());
            if (!s.record() || s.date().isBefore(from) || s.date().isAfter(to) || s.end().toInstant().isAfter(now)) continue;
            planned.add(s.id());
            List<Lesson> made = bySlot.getOrDefault(slot(s.room(), s.date(), s.period()), List.of());
            if (made.isEmpty()) {
                missed.add(s.id());
                continue;
            }
            recorded.add(s.id());
            count(courses, s.course());
            count(grades, Lesson.gradeOf(s.schoolClass()));
            String why = invalidity(s, made, validFraction);
            if (why == null) valid.add(s.id());
            else invalid.get(why).add(s.id());
        }
        List<String> faulty = faultyRooms.stream().filter(rooms::contains).distinct().sorted().toList();
        Map<String, List<String>> behind = new TreeMap<>(Map.of("planned", planned, "recorded", recorded, "missed", missed,
                "valid", valid, "faultyRooms", faulty));
        behind.putAll(invalid);
        behind.put("viewed", List.copyOf(views.keySet()));
        behind.put("evaluated", evaluated.stream().map(Evaluation::lesson).distinct().toList());
        Map<String, String> titles = lessons.stream().collect(Collectors.toMap(Lesson::id, Lesson::title, (a, b) -> a));
        List<Figures.Viewed> mostViewed = views.entrySet().stream().limit(Figures.MOST_VIEWED)
                .map(v -> new Figures.Viewed(v.getKey(), titles.getOrDefault(v.getKey(), v.getKey()), v.getValue())).toList();
        return new Figures(from, to, planned.size(), recorded.size(), planned.isEmpty() ? 0 : (double) recorded.size() / planned.size(),
                valid.size(), invalid.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().size())),
                validFraction, rooms.size(), faulty.size(), diskLow, courses, grades,
                views.values().stream().mapToLong(Long::longValue).sum(), mostViewed, evaluated.size(),
                evaluated.stream().mapToDouble(Evaluation::total).average().orElse(0), behind);
    }

    /**
     * Why a session's recordings do not make a valid lesson, or null: failed when none of them recorded
     * anything, partial when one is, too short when together they hold less than the fraction of it.
     */
    private static String invalidity(Session s, List<Lesson> made, double validFraction) {
        if (made.stream().allMatch(l -> l.state() == LessonState.FAILED)) return Figures.FAILED;
        if (made.stream().anyMatch(l -> l.state() == LessonState.PARTIAL || l.state() == LessonState.FAILED)) return Figures.PARTIAL;
        long recordedMillis = made.stream().map(Lesson::durationMillis).filter(d -> d != null).mapToLong(Long::longValue).sum();
        long plannedMillis = Duration.between(s.start(), s.end()).toMillis();
        return recordedMillis < validFraction * plannedMillis ? Figures.TOO_SHORT : null;
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key == null ? "" : key, 1L, Long::sum);
    }

    private static String slot(String room, LocalDate date, int period) {
        return room + "|" + date + "|" + period;
    }
}
