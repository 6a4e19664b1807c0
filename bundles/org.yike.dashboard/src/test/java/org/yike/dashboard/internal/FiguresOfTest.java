package org.yike.dashboard.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonState;
import org.yike.api.dashboard.Figures;
import org.yike.api.evaluation.Evaluation;
import org.yike.api.timetable.Session;

/**
 * A scripted fortnight: two rooms, two 45-minute periods a day on ten school days (40 sessions), of which
 * the figures are counted here by hand.
 */
public class FiguresOfTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** The second Friday at 09:00: its first period (08:00-08:45) has ended, its second (09:00-09:45) not. */
    private static final Instant NOW = MONDAY.plusDays(11).atTime(9, 0).toInstant(BEIJING);

    private final List<Session> sessions = new ArrayList<>();
    private final List<Lesson> lessons = new ArrayList<>();

    @Test
    public void aScriptedFortnightGivesTheFiguresCountedByHand() {
        List<LocalDate> days = new ArrayList<>();
        for (int week = 0; week < 2; week++) {
            for (int d = 0; d < 5; d++) days.add(MONDAY.plusWeeks(week).plusDays(d));
        }
        for (LocalDate day : days) {
            session("101", day, 1, "数学", "初二(3)班", true);
            session("101", day, 2, "语文", "初二(3)班", true);
            session("102", day, 1, "物理", "高一（1）班", true);
            // not to be recorded: an exam period, planned by nobody
            session("102", day, 2, "自习", "高一（1）班", false);
        }
        // what was recorded, day by day (d = index in days):
        for (int d = 0; d < days.size(); d++) {
            LocalDate day = days.get(d);
            if (d < 9) lesson("101", day, 1, LessonState.FINISHED, 45);          // 9 valid maths lessons (the last Friday's missed)
            if (d < 9) lesson("101", day, 2, d == 3 ? LessonState.PARTIAL : LessonState.FINISHED, d == 5 ? 20 : 44); // 1 partial, 1 too short
            if (d % 2 == 0) lesson("102", day, 1, d == 4 ? LessonState.FAILED : LessonState.FINISHED, 45); // 5 of 10, one failed
        }
        // a runtime killed inside the second Wednesday's physics period: two pieces, 43 minutes together, the second partial
        lesson("102", days.get(7), 1, LessonState.FINISHED, 10);
        lesson("102", days.get(7), 1, LessonState.PARTIAL, 33);
        // a lesson started by hand (no period) and one outside the span count for nothing
        lessons.add(lesson("101", days.get(2), null, LessonState.FINISHED, 30, "by-hand"));
        lesson("101", MONDAY.minusDays(3), 1, LessonState.FINISHED, 45);

        Figures f = FiguresOf.of(MONDAY, MONDAY.plusDays(11), NOW, 0.8, sessions, lessons, List.of("101", "102", "103"),
                List.of("102", "999"), true, views(), List.of(evaluation("by-hand", 80), evaluation(id("101", days.get(0), 1) + "-0", 91.5),
                evaluation("by-hand", 70)));

        // planned: periods 1 and 2 of 101 and period 1 of 102 on 10 days, less the last Friday's second period
        // (not ended at 09:00): 3 * 10 - 1 = 29
        assertEquals(29, f.planned());
        // recorded: 101/1 on 9 days, 101/2 on 9 days (the last Friday's has not ended: not planned), 102/1 on the 5
        // even days and the second Wednesday (day 7) = 9 + 9 + 6 = 24
        assertEquals(24, f.recorded());
        assertEquals(24 / 29.0, f.rate(), 1e-9);
        // invalid: failed 102 day 4; partial 101/2 day 3 and 102 day 7 (one piece partial); too short 101/2 day 5 (20 of 45
        // min); every other recorded session is valid: 24 - 4 = 20
        assertEquals(Map.of(Figures.FAILED, 1L, Figures.PARTIAL, 2L, Figures.TOO_SHORT, 1L), f.invalid());
        assertEquals(20, f.valid());
        assertEquals(List.of(id("102", days.get(4), 1)), f.behind().get(Figures.FAILED));
        assertEquals(List.of(id("101", days.get(5), 2)), f.behind().get(Figures.TOO_SHORT));
        // missed: 101/1 of the last Friday, 102/1 on days 1, 3, 5 and 9
        assertEquals(List.of(id("101", days.get(9), 1), id("102", days.get(1), 1), id("102", days.get(3), 1),
                id("102", days.get(5), 1), id("102", days.get(9), 1)), f.behind().get("missed").stream().sorted().toList());
        // rooms of the timetable and of the devices; 999 has a device offline but is no room of this school's
        assertEquals(3, f.rooms());
        assertEquals(1, f.faultyRooms());
        assertEquals(List.of("102"), f.behind().get("faultyRooms"));
        assertEquals(Map.of("数学", 9L, "语文", 9L, "物理", 6L), f.courses());
        assertEquals(Map.of("初二", 18L, "高一", 6L), f.grades());
        // views and evaluations count every lesson of the span, the one started by hand too
        assertEquals(12 + 11 * 1, f.views());
        assertEquals(Figures.MOST_VIEWED, f.mostViewed().size());
        assertEquals(new Figures.Viewed("by-hand", "t", 12), f.mostViewed().get(0));
        assertEquals(12, f.behind().get("viewed").size());
        assertEquals("by-hand", f.behind().get("viewed").get(0));
        assertEquals(3, f.evaluations());
        assertEquals((80 + 91.5 + 70) / 3, f.evaluationMean(), 1e-9);
        assertEquals(List.of("by-hand", id("101", days.get(0), 1) + "-0"), f.behind().get("evaluated"));
    }

    /** The span's views as the catalog answers them: by-hand 12 times, then 11 lessons once each. */
    private Map<String, Long> views() {
        Map<String, Long> views = new LinkedHashMap<>();
        views.put("by-hand", 12L);
        lessons.stream().filter(l -> l.period() != null).limit(11).forEach(l -> views.put(l.id(), 1L));
        return views;
    }

    private static Evaluation evaluation(String lesson, double total) {
        return new Evaluation(lesson + "/" + total, lesson, "r", 1, "zhao", Map.of(), List.of(), total, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    public void gradesAreTheClassesNamesBeforeTheirNumber() {
        assertEquals("初二", Lesson.gradeOf("初二(3)班"));
        assertEquals("高一", Lesson.gradeOf("高一（1）班"));
        assertEquals("Grade 7", Lesson.gradeOf("Grade 7"));
        assertEquals("", Lesson.gradeOf(null));
    }

    private void session(String room, LocalDate day, int period, String course, String schoolClass, boolean record) {
        OffsetDateTime start = day.atTime(7 + period, 0).atOffset(BEIJING);
        sessions.add(new Session(id(room, day, period), room, day, period, "第" + period + "节", start, start.plusMinutes(45), course,
                "老师", schoolClass, record, 1));
    }

    private void lesson(String room, LocalDate day, int period, LessonState state, int minutes) {
        lessons.add(lesson(room, day, period, state, minutes, id(room, day, period) + "-" + lessons.size()));
    }

    private static Lesson lesson(String room, LocalDate day, Integer period, LessonState state, int minutes, String id) {
        Instant start = day.atTime(8, 0).toInstant(BEIJING);
        return new Lesson(id, "实验中学", room, "老师", "课", "班", day, period, "t", state, start,
                start.plusSeconds(60L * minutes), state == LessonState.FAILED ? null : 60_000L * minutes, 0, List.of(), List.of(),
                List.of(), false, false);
    }

    private static String id(String room, LocalDate day, int period) {
        return room + "-" + day + "-" + period;
    }
}
