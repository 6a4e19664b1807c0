package org.yike.analysis.lesson.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yike.api.analysis.LessonAnalysis;
import org.yike.api.analysis.LessonType;
import org.yike.api.analysis.StAnalysis;
import org.yike.api.analysis.StandUps;
import org.yike.kit.driver.ComponentConfig;

/** Rt, Ch, runs and the type of curves worked out by hand; the curve, stand-ups and places of scripted lessons. */
public class AnalystTest {

    @Test
    public void rtChRunsAndTypeOfHandWorkedCurves() {
        // N = 6, N_T = 3, runs TT|S|T|SS: g = 4; Rt = 3/6, Ch = (4 - 1)/6
        assertSt("TTSTSS", 6, 3, 4, 0.5, 0.5, LessonType.DIALOGUE);
        // runs TTTTTTTTT|S: g = 2; Rt = 9/10, Ch = 1/10
        assertSt("TTTTTTTTTS", 10, 9, 2, 0.9, 0.1, LessonType.LECTURE);
        // SSS|T|SSSSSS: g = 3; Rt = 1/10, Ch = 2/10
        assertSt("SSSTSSSSSS", 10, 1, 3, 0.1, 0.2, LessonType.PRACTICE);
        // TTT|SSS|TTT|S: g = 4; Rt = 6/10, Ch = 3/10: neither
        assertSt("TTTSSSTTTS", 10, 6, 4, 0.6, 0.3, LessonType.MIXED);
        // the edges: Rt = 0.3 is practice, Rt = 0.7 lecture, Ch = 0.4 dialogue
        assertSt("TTTSSSSSSS", 10, 3, 2, 0.3, 0.1, LessonType.PRACTICE);
        assertSt("TTTTTTTSSS", 10, 7, 2, 0.7, 0.1, LessonType.LECTURE);
        assertSt("TTSSTTSSTT", 10, 6, 5, 0.6, 0.4, LessonType.DIALOGUE);
        // Rt decides before Ch: T|S|T|S|T|SSSSS, Ch = 5/10 but Rt = 3/10
        assertSt("TSTSTSSSSS", 10, 3, 6, 0.3, 0.5, LessonType.PRACTICE);
        assertSt("S", 1, 0, 1, 0, 0, LessonType.PRACTICE);
        assertNull("no sample, no S-T analysis", Analyst.st(30, ""));
    }

    private static void assertSt(String curve, int n, int nt, int runs, double rt, double ch, LessonType type) {
        StAnalysis st = Analyst.st(30, curve);
        assertEquals(new StAnalysis(30, curve, n, nt, runs, rt, ch, type), st);
    }

    /**
     * The itest's conversation, "T 20, S 10, T 10, S 20" sampled every 10 s, as the recorder hears it: each
     * microphone active a little after its turn begins and quiet 1.5 s after it ends.
     */
    @Test
    public void aScriptedConversationSampledEveryTenSeconds() {
        List<RecordedLesson.Heard> heard = List.of(
                heard(300, "MICROPHONE_ACTIVE", "virtual-101/mic"),
                heard(20_400, "MICROPHONE_ACTIVE", "virtual-101/student-mic"),
                heard(21_800, "MICROPHONE_QUIET", "virtual-101/mic"),
                heard(30_300, "MICROPHONE_ACTIVE", "virtual-101/mic"),
                heard(31_900, "MICROPHONE_QUIET", "virtual-101/student-mic"),
                heard(40_400, "MICROPHONE_ACTIVE", "virtual-101/student-mic"),
                heard(41_800, "MICROPHONE_QUIET", "virtual-101/mic"));
        LessonAnalysis a = analyst(Map.of("intervalSeconds", 10)).analyse(lesson(60_700, heard,
                new RecordedLesson.SourceEntry("virtual-101/mic", "MICROPHONE", "Classroom microphone"),
                new RecordedLesson.SourceEntry("virtual-101/student-mic", "MICROPHONE", "Student microphone")));
        assertEquals("whole intervals only: 60.7 s is six", "TTSTSS", a.st().curve());
        assertEquals(60_700, a.durationMillis());
        assertEquals(10, a.st().intervalSeconds());
        assertEquals(new StandUps(0, List.of(0, 0, 0, 0, 0, 0, 0), null, 0), a.standUps());
        assertEquals("never tracked", 0, a.teacher().trackedMillis());
        assertEquals(Map.of(), a.teacher().zoneShares());
    }

    /**
     * 40 s in 10 s intervals. 0-10: the teacher speaks 4 s at the podium, then silence (S, 6 s of 10). 10-20: silence,
     * the teacher at the board (T). 20-30: the teacher speaks while two students stand one after the other, 21-24 and
     * 25-29 (S, 7 s of 10). 30-40: the teacher speaks in an aisle (T).
     */
    @Test
    public void silenceIsStudentsWorkTheBoardIsTeachingAStandingStudentIsHeard() {
        List<RecordedLesson.Heard> heard = new ArrayList<>(List.of(
                moved(0, 0.5, 0.3), heard(0, "MICROPHONE_ACTIVE", "cam/audio"), heard(4_000, "MICROPHONE_QUIET", "cam/audio"),
                moved(10_000, 0.1, 0.3),
                heard(20_000, "MICROPHONE_ACTIVE", "cam/audio"),
                heard(21_000, "STUDENT_STOOD_UP", "virtual-101/student"), heard(24_000, "STUDENT_SAT_DOWN", "virtual-101/student"),
                heard(25_000, "STUDENT_STOOD_UP", "virtual-101/student"), heard(29_000, "STUDENT_SAT_DOWN", "virtual-101/student"),
                moved(30_000, 0.5, 0.9),
                heard(35_000, "BLACKBOARD_ERASED_BY_A_NEWER_RUNTIME", "cam/video")));
        LessonAnalysis a = analyst(Map.of("intervalSeconds", 10)).analyse(lesson(40_000, heard,
                new RecordedLesson.SourceEntry("cam/audio", "MICROPHONE", "Microphone")));
        // S|T|S|T: N = 4, N_T = 2, g = 4: Rt = 0.5, Ch = 3/4
        assertEquals(new StAnalysis(10, "STST", 4, 2, 4, 0.5, 0.75, LessonType.DIALOGUE), a.st());
        assertEquals(new StandUps(2, List.of(0, 0, 2, 0), 20_000L, 2), a.standUps());
        assertEquals(40_000, a.teacher().trackedMillis());
        // the default zones, in their order: podium 10 s, board 20 s, aisles 10 s
        assertEquals(List.of("podium", "board", "aisles", "other"), List.copyOf(a.teacher().zoneShares().keySet()));
        assertEquals(Map.of("podium", 0.25, "board", 0.5, "aisles", 0.25, "other", 0.0), a.teacher().zoneShares());
        // 8 x 6 cells: (0.5, 0.3) is column 4 of row 1, (0.1, 0.3) column 0 of row 1, (0.5, 0.9) column 4 of row 5
        assertEquals(6, a.teacher().heatMillis().size());
        assertEquals(List.of(20_000L, 0L, 0L, 0L, 10_000L, 0L, 0L, 0L), a.teacher().heatMillis().get(1));
        assertEquals(List.of(0L, 0L, 0L, 0L, 10_000L, 0L, 0L, 0L), a.teacher().heatMillis().get(5));
        assertEquals(40_000L, a.teacher().heatMillis().stream().flatMap(List::stream).mapToLong(Long::longValue).sum());
    }

    @Test
    public void microphonesAreTheStudentsOrTheTeachersByKeyOrLabel() {
        List<RecordedLesson.Heard> heard = List.of(heard(0, "MICROPHONE_ACTIVE", "room/a"), heard(10_000, "MICROPHONE_QUIET", "room/a"),
                heard(10_000, "MICROPHONE_ACTIVE", "room/b"), heard(20_000, "MICROPHONE_QUIET", "room/b"),
                heard(20_000, "MICROPHONE_ACTIVE", "room/lectern"), heard(30_000, "MICROPHONE_QUIET", "room/lectern"));
        RecordedLesson lesson = lesson(30_000, heard, new RecordedLesson.SourceEntry("room/a", "MICROPHONE", "学生麦克风 1"),
                new RecordedLesson.SourceEntry("room/b", "MICROPHONE", "讲台"),
                new RecordedLesson.SourceEntry("room/lectern", "MICROPHONE", "Lectern"));
        // by default a student's by its label, and every other microphone the teacher's
        assertEquals("STT", analyst(Map.of("intervalSeconds", 10)).analyse(lesson).st().curve());
        // only the lectern is the teacher's: room/b is nobody's, and its 10 s are silence
        assertEquals("SST", analyst(Map.of("intervalSeconds", 10, "teacherMicrophones", new String[] {"*/lectern"}))
                .analyse(lesson).st().curve());
        // room/b alone is the students': room/a's label no longer counts
        assertEquals("TST", analyst(Map.of("intervalSeconds", 10, "studentMicrophones", new String[] {"ROOM/B"}))
                .analyse(lesson).st().curve());
    }

    @Test
    public void aZoneThatDoesNotReadIsExplained() {
        for (String bad : List.of("podium 0 0 1 1", "podium: 0 0 1", "podium: 0.5 0 0.4 1", "podium: 0 0 1.5 1", ": 0 0 1 1")) {
            try {
                analyst(Map.of("zones", new String[] {bad}));
                throw new AssertionError(bad + " was taken");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("zone '" + bad + "'"));
            }
        }
    }

    static Analyst analyst(Map<String, Object> config) {
        return new Analyst(ComponentConfig.of(AnalysisConfig.class, config));
    }

    static RecordedLesson lesson(long millis, List<RecordedLesson.Heard> heard, RecordedLesson.SourceEntry... microphones) {
        return new RecordedLesson("L1", "101", millis, List.of(microphones), heard);
    }

    static RecordedLesson.Heard heard(long at, String type, String source) {
        String[] key = source.split("/");
        return new RecordedLesson.Heard(at, type, key[0], key[1], null, null);
    }

    private static RecordedLesson.Heard moved(long at, double x, double y) {
        return new RecordedLesson.Heard(at, "TEACHER_MOVED", "virtual-101", "teacher", x, y);
    }
}
