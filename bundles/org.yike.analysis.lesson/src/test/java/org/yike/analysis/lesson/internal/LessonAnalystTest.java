package org.yike.analysis.lesson.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.junit.rules.TemporaryFolder;
import org.yike.api.analysis.LessonAnalysis;
import org.yike.api.analysis.LessonType;
import org.yike.api.analysis.TeacherSummary;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonState;
import org.yike.catalog.fixture.MigratedDatabase;
import org.yike.catalog.fixture.MigratedDatabase.Engine;

/**
 * A lesson's folder analysed as the recorder leaves it: analysis.json beside its lesson.json, the analysis kept in a
 * real database (Derby and PostgreSQL) migrated by the catalog's scripts, read back, summed up per teacher and term, forgotten.
 */
@RunWith(Parameterized.class)
public class LessonAnalystTest {

    @Rule
    public final MigratedDatabase database;

    @Parameters(name = "{0}")
    public static Engine[] engines() {
        return Engine.values();
    }

    public LessonAnalystTest(Engine engine) {
        database = new MigratedDatabase(engine);
    }
    @Rule
    public TemporaryFolder folders = new TemporaryFolder();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Lesson> catalog = new HashMap<>();
    private AnalysisStore store;
    private LessonAnalyst analyst;

    @Before
    public void open() throws Exception {
        store = new AnalysisStore(database.dataSource(), id -> Optional.ofNullable(catalog.get(id)), Clock.systemUTC());
        analyst = new LessonAnalyst(AnalystTest.analyst(Map.of("intervalSeconds", 10)), store);
    }

    @After
    public void close() {
        analyst.close();
    }

    @Test
    public void aLessonsAnalysisIsWrittenBesideItAndKept() throws Exception {
        // T T S T S S, as the recorder writes lesson.json (with much the analysis does not read)
        Path folder = lessonFolder("L1", 60_500, "T", 0, "S", 20_000, "T", 30_000, "S", 40_000);
        LessonAnalysis a = analyst.analyse(folder);
        assertEquals("TTSTSS", a.st().curve());
        assertEquals(a, JSON.readValue(folder.resolve(LessonAnalyst.ANALYSIS).toFile(), LessonAnalysis.class));
        assertEquals(Optional.of(a), analyst.ofLesson("L1"));

        // analysed again (the lesson's events read anew): one analysis, the newest
        Path again = lessonFolder("L1", 30_000, "T", 0);
        assertEquals("TTT", analyst.analyse(again).st().curve());
        assertEquals("TTT", analyst.ofLesson("L1").orElseThrow().st().curve());

        analyst.handleEvent(new org.osgi.service.event.Event(org.yike.api.catalog.CatalogEvents.DELETED,
                Map.of(org.yike.api.catalog.CatalogEvents.ID, "L1")));
        assertEquals(Optional.empty(), analyst.ofLesson("L1"));
    }

    @Test
    public void theAnalysesAreSummedUpPerTeacherAndTerm() throws Exception {
        // 王芳 in 2026秋: TTSTSS (Rt 0.5, Ch 0.5, 对话型) and TTTTTT (Rt 1, Ch 0, 讲授型); in 2027春: SSSSSS (练习型)
        catalog.put("W1", lesson("W1", "王芳", LocalDate.of(2026, 10, 12)));
        catalog.put("W2", lesson("W2", "王芳", LocalDate.of(2027, 1, 8)));
        catalog.put("W3", lesson("W3", "王芳", LocalDate.of(2027, 3, 2)));
        catalog.put("L1", lesson("L1", "李明", LocalDate.of(2026, 11, 5)));
        catalog.put("H1", lesson("H1", null, LocalDate.of(2026, 11, 6)));
        analyst.analyse(lessonFolder("W1", 60_000, "T", 0, "S", 20_000, "T", 30_000, "S", 40_000));
        analyst.analyse(lessonFolder("W2", 60_000, "T", 0));
        analyst.analyse(lessonFolder("W3", 60_000, "S", 0));
        analyst.analyse(lessonFolder("L1", 40_000, "T", 0, "S", 10_000));
        analyst.analyse(lessonFolder("H1", 20_000, "S", 0));
        analyst.analyse(lessonFolder("SHORT", 5_000, "T", 0));
        analyst.analyse(lessonFolder("GONE", 20_000, "T", 0));
        catalog.put("SHORT", lesson("SHORT", "王芳", LocalDate.of(2026, 10, 13)));

        assertEquals(List.of(
                // 李明: T S S S, g = 2: Rt 0.25, Ch 0.25
                new TeacherSummary("李明", "2026秋", 1, 0.25, 0.25, Map.of(LessonType.PRACTICE, 1)),
                new TeacherSummary("王芳", "2026秋", 2, 0.75, 0.25, Map.of(LessonType.DIALOGUE, 1, LessonType.LECTURE, 1)),
                new TeacherSummary(null, "2026秋", 1, 0, 0, Map.of(LessonType.PRACTICE, 1))), analyst.byTeacher("2026秋"));
        List<TeacherSummary> all = analyst.byTeacher(null);
        assertEquals(4, all.size());
        assertEquals(new TeacherSummary("王芳", "2027春", 1, 0, 0, Map.of(LessonType.PRACTICE, 1)), all.get(3));
        assertEquals(List.of(), analyst.byTeacher("2025秋"));
        assertTrue("a lesson shorter than an interval has no S-T analysis", analyst.ofLesson("SHORT").orElseThrow().st() == null);
    }

    /**
     * A lesson's folder with a {@code lesson.json} whose one microphone of each side speaks by turns: who ("T", "S")
     * and from when, each turn until the next.
     */
    private Path lessonFolder(String id, long millis, Object... turns) throws Exception {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < turns.length; i += 2) {
            String mic = turns[i].equals("T") ? "mic" : "student-mic";
            long from = ((Number) turns[i + 1]).longValue();
            long to = i + 3 < turns.length ? ((Number) turns[i + 3]).longValue() : millis + 1;
            if (events.length() > 0) events.append(",\n");
            events.append(event(from, "MICROPHONE_ACTIVE", mic)).append(",\n").append(event(to, "MICROPHONE_QUIET", mic));
        }
        String json = """
                {"id": "%s", "classroom": "101", "title": "Mathematics", "state": "FINISHED", "recordedMillis": %d,
                 "profiles": [{"name": "program", "width": 640}], "files": [],
                 "sources": [
                   {"key": "virtual-101/teacher", "device": "virtual-101", "role": "TEACHER_CLOSEUP", "label": "Teacher 101"},
                   {"key": "virtual-101/mic", "device": "virtual-101", "role": "MICROPHONE", "label": "Classroom microphone"},
                   {"key": "virtual-101/student-mic", "device": "virtual-101", "role": "MICROPHONE", "label": "Student microphone"}],
                 "decisions": [{"atMillis": 0, "layout": "SINGLE", "sources": ["virtual-101/teacher"]}],
                 "classroomEvents": [%s],
                 "catalog": {"tags": []}}
                """.formatted(id, millis, events);
        Path folder = folders.newFolder().toPath();
        Files.writeString(folder.resolve(RecordedLesson.METADATA), json);
        return folder;
    }

    private static String event(long at, String type, String mic) {
        return "{\"atMillis\": " + at + ", \"type\": \"" + type + "\", \"device\": \"virtual-101\", \"source\": \"" + mic + "\"}";
    }

    private static Lesson lesson(String id, String teacher, LocalDate date) {
        return new Lesson(id, "实验中学", "101", teacher, "数学", "初二(3)班", date, 1, id, LessonState.FINISHED, null, null, 60_000L, 0,
                List.of(), List.of(), List.of(), false, false);
    }
}
