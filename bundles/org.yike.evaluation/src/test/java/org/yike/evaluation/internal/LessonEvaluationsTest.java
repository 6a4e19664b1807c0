package org.yike.evaluation.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.yike.api.catalog.Lesson;
import org.yike.catalog.fixture.MigratedDatabase;
import org.yike.catalog.fixture.MigratedDatabase.Engine;
import org.yike.api.catalog.LessonState;
import org.osgi.service.event.Event;
import org.yike.api.evaluation.Evaluation;
import org.yike.api.evaluation.EvaluationEvents;
import org.yike.api.evaluation.Evaluations;
import org.yike.api.evaluation.Indicator;
import org.yike.api.evaluation.Note;
import org.yike.api.evaluation.Rubric;
import org.yike.api.evaluation.Statistic;

/** Rubrics and evaluations in a real database (Derby and PostgreSQL) migrated by the catalog's scripts; totals worked out by hand. */
@RunWith(Parameterized.class)
public class LessonEvaluationsTest {

    @Rule
    public final MigratedDatabase database;

    @Parameters(name = "{0}")
    public static Engine[] engines() {
        return Engine.values();
    }

    public LessonEvaluationsTest(Engine engine) {
        database = new MigratedDatabase(engine);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private LessonEvaluations evaluations;
    private final Map<String, Lesson> lessons = new HashMap<>();
    private final List<Event> posted = new ArrayList<>();

    /**
     * 教学设计 (weight 30: 目标 10 points, 内容 10 points, weights 1 and 1) and 教学实施 (weight 70: 互动 20 points,
     * weight 3; 板书 10 points, weight 1).
     */
    private static final String RUBRIC = """
            {"id": "district-2026", "version": 0, "name": "区课堂教学评价表", "indicators": [
              {"id": "design", "name": "教学设计", "weight": 30, "maxScore": 0, "children": [
                {"id": "goal", "name": "教学目标", "weight": 1, "maxScore": 10},
                {"id": "content", "name": "教学内容", "weight": 1, "maxScore": 10}]},
              {"id": "practice", "name": "教学实施", "weight": 70, "maxScore": 0, "children": [
                {"id": "interaction", "name": "师生互动", "weight": 3, "maxScore": 20},
                {"id": "board", "name": "板书", "weight": 1, "maxScore": 10}]}]}
            """;

    @Before
    public void open() throws Exception {
        lesson("L1", "王芳", "数学", "初二(3)班", LocalDate.of(2026, 10, 12));
        lesson("L2", "王芳", "数学", "初二(1)班", LocalDate.of(2027, 3, 2));
        lesson("L3", "李明", "语文", "高一（1）班", LocalDate.of(2026, 11, 5));
        evaluations = new LessonEvaluations(database.dataSource(), id -> Optional.ofNullable(lessons.get(id)),
                Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), ZoneId.of("Asia/Shanghai")), posted::add);
    }

    @After
    public void close() {
        evaluations.close();
    }

    @Test
    public void aLessonIsEvaluatedByTheRubricVersionItStartedWith() throws Exception {
        Rubric v1 = evaluations.importRubric(JSON.readValue(RUBRIC, Rubric.class));
        assertEquals(1, v1.version());
        assertEquals("the same again is the same version", 1, evaluations.importRubric(JSON.readValue(RUBRIC, Rubric.class)).version());
        Evaluation e = evaluations.start("L1", "district-2026", "zhao");
        assertEquals("the evaluator's one, begun again", e.id(), evaluations.start("L1", "district-2026", "zhao").id());

        Rubric v2 = evaluations.importRubric(JSON.readValue(RUBRIC.replace("\"weight\": 30", "\"weight\": 40").replace("\"weight\": 70", "\"weight\": 60"), Rubric.class));
        assertEquals(2, v2.version());
        assertEquals(List.of(2), evaluations.rubrics().stream().map(Rubric::version).toList());
        assertEquals("its indicators round trip as JSON", v2.indicators(), JSON.readValue(JSON.writeValueAsString(v2.indicators()),
                new com.fasterxml.jackson.core.type.TypeReference<List<Indicator>>() { }));

        evaluations.score(e.id(), "goal", 8);
        evaluations.score(e.id(), "content", 6);
        evaluations.score(e.id(), "interaction", 15);
        evaluations.note(e.id(), 125_000, "学生板演出错，教师及时纠正");
        evaluations.note(e.id(), 60_000, "导入自然");
        refused(IllegalStateException.class, "[board]", () -> evaluations.submit(e.id()));
        refused(IllegalArgumentException.class, "from 0 to 10.0", () -> evaluations.score(e.id(), "board", 11));
        refused(IllegalArgumentException.class, "no scored indicator design", () -> evaluations.score(e.id(), "design", 5));
        assertNull("no total while one is missing", evaluations.evaluation(e.id()).orElseThrow().total());
        assertEquals("nothing announced before the submission", List.of(), posted);
        Evaluation done = evaluations.submit(evaluations.score(e.id(), "board", 9).id());
        assertEquals(List.of(EvaluationEvents.SUBMITTED + " L1 zhao 76.13"), posted.stream().map(p -> p.getTopic() + " "
                + p.getProperty(EvaluationEvents.LESSON) + " " + p.getProperty(EvaluationEvents.EVALUATOR) + " "
                + p.getProperty(EvaluationEvents.TOTAL)).toList());

        // v1: design 30 % (goal 15 %, content 15 %), practice 70 % (interaction 52.5 %, board 17.5 %):
        // 15 × 8/10 + 15 × 6/10 + 52.5 × 15/20 + 17.5 × 9/10 = 12 + 9 + 39.375 + 15.75 = 76.125 → 76.13
        assertEquals(1, done.rubricVersion());
        assertEquals(76.13, done.total(), 1e-9);
        assertEquals(List.of(new Note(60_000, "导入自然"), new Note(125_000, "学生板演出错，教师及时纠正")), done.notes());
        assertTrue(done.submitted() != null);
        refused(IllegalStateException.class, "submitted", () -> evaluations.score(e.id(), "board", 5));

        // by v2 (design 40, practice 60): 20 × 0.9 + 20 × 0.9 + 45 × 18/20 + 15 × 0.6 = 18 + 18 + 40.5 + 9 = 85.5
        Evaluation other = evaluations.start("L2", "district-2026", "zhao");
        assertEquals(2, other.rubricVersion());
        for (Map.Entry<String, Double> s : Map.of("goal", 9.0, "content", 9.0, "interaction", 18.0, "board", 6.0).entrySet()) {
            evaluations.score(other.id(), s.getKey(), s.getValue());
        }
        assertEquals(85.5, evaluations.submit(other.id()).total(), 1e-9);
        Evaluation third = evaluations.start("L3", "district-2026", "qian");
        for (String i : List.of("goal", "content", "interaction", "board")) evaluations.score(third.id(), i, i.equals("interaction") ? 10 : 5);
        // 20 × 0.5 + 20 × 0.5 + 45 × 0.5 + 15 × 0.5 = 50
        assertEquals(50.0, evaluations.submit(third.id()).total(), 1e-9);
        evaluations.start("L3", "district-2026", "sun"); // begun, never submitted: in no statistic

        assertEquals(List.of(new Statistic("李明", 1, 50, 50, 50), new Statistic("王芳", 2, (76.13 + 85.5) / 2, 76.13, 85.5)),
                evaluations.statistics(Evaluations.By.TEACHER));
        assertEquals(List.of("初二 2", "高一 1"), evaluations.statistics(Evaluations.By.GRADE).stream().map(s -> s.group() + " " + s.count()).toList());
        assertEquals(List.of("2026秋 2", "2027春 1"), evaluations.statistics(Evaluations.By.TERM).stream().map(s -> s.group() + " " + s.count()).toList());
        assertEquals(2, evaluations.ofLesson("L3").size());
        assertEquals("the submitted ones of autumn's lessons, the oldest lesson first", List.of("L1", "L3"),
                evaluations.submitted(LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 31)).stream().map(Evaluation::lesson).toList());
        assertEquals(List.of(85.5), evaluations.submitted(LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 2)).stream()
                .map(Evaluation::total).toList());
    }

    @Test
    public void aRubricThatDoesNotHoldTogetherIsRefusedWithWhy() {
        refused(IllegalArgumentException.class, "used twice", () -> new Rubric("r", 1, "x", List.of(
                new Indicator("a", "甲", 1, 10, null), new Indicator("a", "乙", 1, 10, null)), null));
        Indicator deep = new Indicator("d5", "五", 1, 10, null);
        for (int i = 4; i >= 1; i--) deep = new Indicator("d" + i, "层" + i, 1, 0, List.of(deep));
        Indicator tooDeep = deep;
        refused(IllegalArgumentException.class, "deeper than 4", () -> new Rubric("r", 1, "x", List.of(tooDeep), null));
        refused(IllegalArgumentException.class, "weight must be above 0", () -> new Indicator("w", "w", 0, 10, null));
        refused(IllegalArgumentException.class, "no lesson", () -> evaluations.start("nope", "r", "zhao"));
    }

    private static void refused(Class<? extends RuntimeException> type, String words, Runnable call) {
        try {
            call.run();
            fail("not refused: expected " + type.getSimpleName() + " saying " + words);
        } catch (RuntimeException e) {
            assertTrue(e + "", type.isInstance(e) && e.getMessage().contains(words));
        }
    }

    private void lesson(String id, String teacher, String course, String schoolClass, LocalDate day) {
        Instant start = day.atTime(8, 0).toInstant(java.time.ZoneOffset.ofHours(8));
        lessons.put(id, new Lesson(id, "实验中学", "101", teacher, course, schoolClass, day, 1, course + " · " + teacher, LessonState.FINISHED,
                start, start.plusSeconds(2700), 2_700_000L, 0, List.of(), List.of(), List.of(), false, false));
    }
}
