package org.yike.analysis.lesson.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yike.api.analysis.LessonAnalysis;
import org.yike.api.analysis.LessonType;
import org.yike.api.analysis.StAnalysis;
import org.yike.api.analysis.StandUps;
import org.yike.api.analysis.TeacherPlaces;
import org.yike.api.device.ClassroomEvent.Type;
import org.yike.api.device.Role;

/**
 * Turns a recorded lesson's classroom events into its analysis. Each millisecond of the lesson is student
 * behaviour (S) while a student microphone speaks or a student stands, else teacher behaviour (T) while a
 * teacher microphone speaks or the teacher is in the zone named {@value #BOARD}, else S again (silence:
 * the students work). A sampling interval is T when T takes at least half of it; only whole intervals are
 * sampled.
 */
final class Analyst {

    /** The zone where the teacher at work counts as teacher behaviour though nobody speaks. */
    static final String BOARD = "board";
    /** The share of the tracked time outside every zone. */
    static final String OTHER = "other";

    private final int intervalSeconds;
    private final List<Pattern> students;
    private final List<Pattern> teachers;
    private final List<Zone> zones;
    private final int columns;
    private final int rows;

    /** @throws IllegalArgumentException where a zone does not read */
    Analyst(AnalysisConfig config) {
        intervalSeconds = config.intervalSeconds();
        students = Arrays.stream(config.studentMicrophones()).map(Analyst::glob).toList();
        teachers = Arrays.stream(config.teacherMicrophones()).map(Analyst::glob).toList();
        zones = Arrays.stream(config.zones()).map(Zone::parse).toList();
        columns = config.heatColumns();
        rows = config.heatRows();
    }

    /** The S-T analysis of a curve of T and S; null for an empty one. */
    static StAnalysis st(int intervalSeconds, String curve) {
        int n = curve.length();
        if (n == 0) return null;
        int teacher = (int) curve.chars().filter(c -> c == 'T').count();
        int runs = 1;
        for (int i = 1; i < n; i++) if (curve.charAt(i) != curve.charAt(i - 1)) runs++;
        double rt = (double) teacher / n;
        double ch = (double) (runs - 1) / n;
        return new StAnalysis(intervalSeconds, curve, n, teacher, runs, rt, ch, LessonType.of(rt, ch));
    }

    LessonAnalysis analyse(RecordedLesson lesson) {
        return new Sweep(lesson).run();
    }

    /** One pass over a lesson's events, in the order of its clock, with what holds between two of them. */
    private final class Sweep {

        private final RecordedLesson lesson;
        private final long duration;
        private final long interval = intervalSeconds * 1000L;
        private final int samples;
        /** Per sampling interval, how many milliseconds were teacher behaviour. */
        private final long[] teacherMillis;
        private final int[] standUps;
        private final long[][] heat = new long[rows][columns];
        private final Map<String, Long> zoneMillis = new LinkedHashMap<>();
        private long tracked;
        /** Each microphone's side: S (a student's), T (the teacher's) or - (neither, not heard). */
        private final Map<String, Character> microphones = new HashMap<>();
        private final Set<String> teacherSpeaking = new HashSet<>();
        private final Set<String> studentSpeaking = new HashSet<>();
        private int standing;
        private Double x;
        private Double y;

        Sweep(RecordedLesson lesson) {
            this.lesson = lesson;
            duration = Math.max(0, lesson.recordedMillis());
            samples = (int) (duration / interval);
            teacherMillis = new long[samples];
            standUps = new int[(int) Math.max(1, (duration + interval - 1) / interval)];
            zones.forEach(z -> zoneMillis.put(z.name(), 0L));
            zoneMillis.put(OTHER, 0L);
            for (RecordedLesson.SourceEntry s : lesson.sources()) {
                if (Role.MICROPHONE.name().equals(s.role())) microphones.put(s.key(), side(s.key(), s.label()));
            }
        }

        LessonAnalysis run() {
            long at = 0;
            List<RecordedLesson.Heard> events = new ArrayList<>(lesson.classroomEvents());
            events.sort(Comparator.comparingLong(RecordedLesson.Heard::atMillis));
            for (RecordedLesson.Heard e : events) {
                long next = Math.min(duration, Math.max(at, e.atMillis()));
                hold(at, next);
                at = next;
                apply(e, next);
            }
            hold(at, duration);
            StringBuilder curve = new StringBuilder();
            for (long t : teacherMillis) curve.append(2 * t >= interval ? 'T' : 'S');
            return new LessonAnalysis(lesson.id(), lesson.classroom(), duration, st(intervalSeconds, curve.toString()),
                    standUps(), places());
        }

        private void apply(RecordedLesson.Heard e, long at) {
            Type type;
            try {
                type = Type.valueOf(e.type());
            } catch (IllegalArgumentException | NullPointerException unknown) {
                return; // an event of a newer runtime says nothing the analysis knows
            }
            switch (type) {
                case MICROPHONE_ACTIVE -> {
                    char side = microphones.computeIfAbsent(e.sourceKey(), k -> side(k, null));
                    if (side == 'S') studentSpeaking.add(e.sourceKey());
                    if (side == 'T') teacherSpeaking.add(e.sourceKey());
                }
                case MICROPHONE_QUIET -> {
                    studentSpeaking.remove(e.sourceKey());
                    teacherSpeaking.remove(e.sourceKey());
                }
                case STUDENT_STOOD_UP -> {
                    standing++;
                    standUps[(int) Math.min(standUps.length - 1, at / interval)]++;
                }
                case STUDENT_SAT_DOWN -> standing = Math.max(0, standing - 1);
                case TEACHER_MOVED -> {
                    if (e.x() != null && e.y() != null) {
                        x = Math.min(1, Math.max(0, e.x()));
                        y = Math.min(1, Math.max(0, e.y()));
                    }
                }
                default -> {
                }
            }
        }

        /** What held from {@code from} to {@code to}: counted towards the samples and the teacher's places. */
        private void hold(long from, long to) {
            if (to <= from) return;
            String zone = x == null ? null : zoneOf(x, y);
            boolean teacher = studentSpeaking.isEmpty() && standing == 0 && (!teacherSpeaking.isEmpty() || BOARD.equals(zone));
            if (teacher) {
                for (long t = from; t < Math.min(to, samples * interval); t = (t / interval + 1) * interval) {
                    teacherMillis[(int) (t / interval)] += Math.min(to, (t / interval + 1) * interval) - t;
                }
            }
            if (zone != null) {
                tracked += to - from;
                zoneMillis.merge(zone, to - from, Long::sum);
                heat[Math.min(rows - 1, (int) (y * rows))][Math.min(columns - 1, (int) (x * columns))] += to - from;
            }
        }

        private StandUps standUps() {
            int total = Arrays.stream(standUps).sum();
            int peak = 0;
            for (int i = 1; i < standUps.length; i++) if (standUps[i] > standUps[peak]) peak = i;
            return new StandUps(total, Arrays.stream(standUps).boxed().toList(), total == 0 ? null : peak * interval,
                    standUps[peak]);
        }

        private TeacherPlaces places() {
            Map<String, Double> shares = new LinkedHashMap<>();
            if (tracked > 0) zoneMillis.forEach((zone, millis) -> shares.put(zone, Math.round(1000.0 * millis / tracked) / 1000.0));
            return new TeacherPlaces(tracked, columns, rows, Arrays.stream(heat).map(r -> Arrays.stream(r).boxed().toList()).toList(),
                    shares);
        }
    }

    /** A microphone's side by its key or label: a student's before the teacher's, or neither. */
    private char side(String key, String label) {
        if (matches(students, key, label)) return 'S';
        return matches(teachers, key, label) ? 'T' : '-';
    }

    private static boolean matches(List<Pattern> patterns, String key, String label) {
        return patterns.stream().anyMatch(p -> p.matcher(key).matches() || label != null && p.matcher(label).matches());
    }

    /** The first zone that holds the position, or {@value #OTHER}. */
    private String zoneOf(double x, double y) {
        return zones.stream().filter(z -> z.contains(x, y)).map(Zone::name).findFirst().orElse(OTHER);
    }

    /** A pattern of a source key or label: {@code *} any characters, {@code ?} one; case does not matter. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.strip().split("(?=[*?])|(?<=[*?])")) {
            regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
