package org.yike.selection.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
import org.yike.api.selection.Assignment;
import org.yike.api.selection.BlindEntry;
import org.yike.api.selection.Contest;
import org.yike.api.selection.Entry;
import org.yike.api.selection.Judge;
import org.yike.api.selection.NewContest;
import org.yike.api.selection.Ranked;

/**
 * A selection round in a real database (Derby and PostgreSQL) migrated by the catalog's scripts: 12 lessons from 3
 * schools, 4 judges (one of each school and one of the district), two judges an entry never from its
 * school, a disagreement that calls a third judge, and a ranking equal to the one worked out by hand
 * here, ties included; then the second round and the comments.
 */
@RunWith(Parameterized.class)
public class ContestsTest {

    @Rule
    public final MigratedDatabase database;

    @Parameters(name = "{0}")
    public static Engine[] engines() {
        return Engine.values();
    }

    public ContestsTest(Engine engine) {
        database = new MigratedDatabase(engine);
    }

    private Contests contests;
    private final Map<String, Lesson> lessons = new LinkedHashMap<>();
    private static final List<Judge> JUDGES = List.of(new Judge("j1", "A中学"), new Judge("j2", "B中学"), new Judge("j3", "C中学"),
            new Judge("j4", null));

    /**
     * Each lesson's first two scores (in the order its judges were assigned), worked out by hand to rank:
     * C2 93; A1 89 (spread 2) before B1 89 (spread 6); A3 and C1 82 with spread 4 both: one rank; B2 60 and 85
     * differ by 25 > 10, its third judge gives 80: (60 + 85 + 2 × 80) / 4 = 76.25; B3 75 (spread 0) before C3 75
     * (spread 4); A2 71; A4 67; C4 58; B4 54.
     */
    private static final Map<String, double[]> SCORES = Map.ofEntries(Map.entry("A1", new double[] {90, 88}),
            Map.entry("A2", new double[] {70, 72}), Map.entry("A3", new double[] {80, 84}), Map.entry("A4", new double[] {65, 69}),
            Map.entry("B1", new double[] {86, 92}), Map.entry("B2", new double[] {60, 85}), Map.entry("B3", new double[] {75, 75}),
            Map.entry("B4", new double[] {50, 58}), Map.entry("C1", new double[] {84, 80}), Map.entry("C2", new double[] {91, 95}),
            Map.entry("C3", new double[] {77, 73}), Map.entry("C4", new double[] {55, 61}));

    @Before
    public void open() throws Exception {
        for (String school : List.of("A", "B", "C")) {
            for (int i = 1; i <= 4; i++) lesson(school + i, school + "中学", LessonState.FINISHED);
        }
        lesson("A5", "A中学", LessonState.PARTIAL);
        contests = new Contests(database.dataSource(), id -> Optional.ofNullable(lessons.get(id)),
                Clock.fixed(Instant.parse("2026-11-02T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    @After
    public void close() {
        contests.close();
    }

    @Test
    public void aRoundOfTwelveEntriesIsJudgedBlindRankedByHandAndGoesOn() {
        Contest c = contests.create(new NewContest("2026 优课评选", List.of(new NewContest.Round("一审", 4),
                new NewContest.Round("二审", 1)), 10, 100), "district-admin");
        lessons.keySet().stream().filter(id -> !id.equals("A5")).forEach(id -> contests.nominate(c.id(), id, "school-admin"));
        refused(IllegalArgumentException.class, "partial", () -> contests.nominate(c.id(), "A5", "school-admin"));
        refused(IllegalStateException.class, "already", () -> contests.nominate(c.id(), "A1", "school-admin"));

        List<Assignment> assigned = contests.assign(c.id(), 1, JUDGES);
        Map<String, Entry> entries = contests.entries(c.id(), 1).stream().collect(Collectors.toMap(Entry::id, e -> e));
        assertEquals(24, assigned.size());
        Map<String, String> schoolOf = JUDGES.stream().filter(j -> j.school() != null).collect(Collectors.toMap(Judge::name, Judge::school));
        for (Assignment a : assigned) {
            assertNotEquals("a judge of the entry's own school: " + a, entries.get(a.entry()).school(), schoolOf.get(a.judge()));
        }
        Map<String, Long> load = assigned.stream().collect(Collectors.groupingBy(Assignment::judge, Collectors.counting()));
        assertEquals("spread evenly: " + load, Map.of("j1", 6L, "j2", 6L, "j3", 6L, "j4", 6L), load);

        BlindEntry blind = contests.assigned(c.id(), "j4").get(0);
        assertEquals("what a judge sees names no teacher or school", "BlindEntry[entry=" + blind.entry() + ", lesson=" + blind.lesson()
                + ", course=数学, schoolClass=初二(1)班, score=null]", blind.toString());

        Map<String, Integer> given = new HashMap<>();
        for (Assignment a : assigned) {
            String lesson = entries.get(a.entry()).lesson();
            int n = given.merge(lesson, 1, Integer::sum) - 1;
            contests.score(c.id(), a.entry(), a.judge(), SCORES.get(lesson)[n], "评语 " + lesson + " " + a.judge());
        }
        refused(IllegalArgumentException.class, "from 0 to 100", () -> contests.score(c.id(), assigned.get(0).entry(),
                assigned.get(0).judge(), 101, null));
        refused(IllegalStateException.class, "does not judge", () -> contests.score(c.id(), assigned.get(0).entry(), "j9", 50, null));

        List<Assignment> now = contests.assign(c.id(), 1, JUDGES);
        List<Assignment> thirds = now.stream().filter(Assignment::third).toList();
        assertEquals("only B2's judges disagreed (by 25): " + thirds, 1, thirds.size());
        Entry b2 = entries.get(thirds.get(0).entry());
        assertEquals("B2", b2.lesson());
        assertNotEquals(b2.school(), schoolOf.get(thirds.get(0).judge()));
        assertEquals("not ranked until its third judge has scored", 0, rank(contests.ranking(c.id(), 1), "B2").rank());
        refused(IllegalStateException.class, "not fully scored", () -> contests.close(c.id(), 1));
        contests.score(c.id(), b2.id(), thirds.get(0).judge(), 80, "第三位评委");

        List<Ranked> ranked = contests.close(c.id(), 1);
        assertEquals(List.of("1 C2", "2 A1", "3 B1", "4 A3", "4 C1", "6 B2", "7 B3", "8 C3", "9 A2", "10 A4", "11 C4", "12 B4"),
                ranked.stream().map(r -> r.rank() + " " + r.entry().lesson()).toList());
        assertEquals(76.25, rank(ranked, "B2").score(), 1e-9);

        // the top 4, with the tie at 4th place: five go on
        Contest second = contests.contest(c.id()).orElseThrow();
        assertEquals(2, second.round());
        assertEquals(List.of("C2", "A1", "B1", "A3", "C1"), contests.entries(c.id(), 2).stream().map(Entry::lesson).toList());
        refused(IllegalStateException.class, "comments come after", () -> contests.comments(c.id(), "C2"));

        List<Assignment> round2 = contests.assign(c.id(), 2, JUDGES);
        Map<String, Entry> entries2 = contests.entries(c.id(), 2).stream().collect(Collectors.toMap(Entry::id, e -> e));
        for (Assignment a : round2) {
            contests.score(c.id(), a.entry(), a.judge(), entries2.get(a.entry()).lesson().equals("A1") ? 95 : 85, "二审");
        }
        assertEquals("A1", contests.close(c.id(), 2).get(0).entry().lesson());
        assertTrue(contests.contest(c.id()).orElseThrow().closed());
        List<String> comments = contests.comments(c.id(), "B2");
        assertEquals(comments.toString(), 3, comments.size());
        assertTrue(comments.toString(), comments.contains("第三位评委"));
        refused(IllegalStateException.class, "closed", () -> contests.nominate(c.id(), "A2", "school-admin"));
    }

    @Test
    public void anEntryWithoutEnoughJudgesOfOtherSchoolsIsRefusedWithWhy() {
        Contest c = contests.create(new NewContest("校内评选", List.of(new NewContest.Round("一审", 1)), 10, 100), "admin");
        contests.nominate(c.id(), "A1", "admin");
        refused(IllegalStateException.class, "judges from other schools", () -> contests.assign(c.id(), 1,
                List.of(new Judge("j1", "A中学"), new Judge("j2", "B中学"))));
        assertEquals("nothing half done: j2 was not given it", List.of(), contests.assigned(c.id(), "j2"));
    }

    private static Ranked rank(List<Ranked> ranked, String lesson) {
        return ranked.stream().filter(r -> r.entry().lesson().equals(lesson)).findFirst().orElseThrow();
    }

    private static void refused(Class<? extends RuntimeException> type, String words, Runnable call) {
        try {
            call.run();
            fail("not refused: expected " + type.getSimpleName() + " saying " + words);
        } catch (RuntimeException e) {
            assertTrue(e + "", type.isInstance(e) && e.getMessage().contains(words));
        }
    }

    private void lesson(String id, String school, LessonState state) {
        Instant start = LocalDate.of(2026, 10, 12).atTime(8, 0).toInstant(java.time.ZoneOffset.ofHours(8));
        lessons.put(id, new Lesson(id, school, "101", "老师" + id, "数学", "初二(1)班", LocalDate.of(2026, 10, 12), 1, "数学 · " + id,
                state, start, start.plusSeconds(2700), 2_700_000L, 0, List.of(), List.of(), List.of(), false, false));
    }
}
