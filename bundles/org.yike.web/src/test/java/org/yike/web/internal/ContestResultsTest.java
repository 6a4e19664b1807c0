package org.yike.web.internal;

import static org.junit.Assert.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonState;
import org.yike.api.selection.Contest;
import org.yike.api.selection.Entry;
import org.yike.api.selection.NewContest;
import org.yike.api.selection.Ranked;
import org.yike.api.selection.Selection;

public class ContestResultsTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final List<NewContest.Round> TWO_ROUNDS = List.of(new NewContest.Round("一审", 2), new NewContest.Round("二审", 1));

    // w1 wins c1; w2 stops in c1's first round, third; c2 still runs. Every entry names 王芳, as at its nomination, but
    // the catalog's teacher decides, as the access filter's: l1 is 刘洋's, "gone" is no more in the catalog
    private static final Map<String, String> TEACHERS = Map.of("w1", "王芳", "w2", "王芳", "l1", "刘洋");
    private static final List<Contest> CONTESTS = List.of(contest("c2", 1, false), contest("c1", 2, true), contest("c0", 1, true));
    private static final Map<String, List<Ranked>> RANKINGS = Map.of(
            "c1/1", List.of(ranked(1, "c1", 1, "w1"), ranked(2, "c1", 1, "l1"), ranked(3, "c1", 1, "w2")),
            "c1/2", List.of(ranked(1, "c1", 2, "w1"), ranked(2, "c1", 2, "l1")),
            "c2/1", List.of(ranked(0, "c2", 1, "w2")),
            "c0/1", List.of(ranked(1, "c0", 1, "gone"), ranked(2, "c0", 1, "l1")));

    @Test
    public void aTeacherGetsWhereEachOfTheirLessonsStoppedInTheClosedContestsWithItsComments() {
        assertEquals(List.of(
                new ContestResults.Result("c1", "评选 c1", "w1", "课 w1", 2, "二审", 2, 1, true, List.of("c1 上 w1 的评语")),
                new ContestResults.Result("c1", "评选 c1", "w2", "课 w2", 1, "一审", 2, 3, false, List.of("c1 上 w2 的评语"))),
                ContestResults.of(selection(), catalog(), "王芳"));
    }

    @Test
    public void theSecondInTheLastRoundOfOneWinnerHasNotWonAndATeacherWithNoEntriesGetsNone() {
        List<ContestResults.Result> liu = ContestResults.of(selection(), catalog(), "刘洋");
        assertEquals(List.of("c1 l1 2 二审 2 false", "c0 l1 1 一审 2 true"),
                liu.stream().map(r -> r.contest() + " " + r.lesson() + " " + r.round() + " " + r.roundName() + " " + r.rank() + " " + r.won())
                        .toList());
        assertEquals(List.of(), ContestResults.of(selection(), catalog(), "李明"));
    }

    private static Contest contest(String id, int round, boolean closed) {
        List<NewContest.Round> rounds = id.equals("c0") ? List.of(new NewContest.Round("一审", 2)) : TWO_ROUNDS;
        return new Contest(id, "评选 " + id, rounds, 10, 100, round, closed, AT, "admin");
    }

    private static Ranked ranked(int rank, String contest, int round, String lesson) {
        Entry e = new Entry(contest + "-" + round + "-" + lesson, contest, round, lesson, "实验中学", "王芳", "课 " + lesson, AT);
        return new Ranked(rank, e, 90 - rank, 2, List.of(90.0 - rank), false);
    }

    private static Selection selection() {
        return fake(Selection.class, (name, args) -> switch (name) {
            case "contests" -> CONTESTS;
            case "ranking" -> RANKINGS.get(args[0] + "/" + args[1]);
            case "comments" -> {
                if (args[0].equals("c2")) throw new IllegalStateException("contest c2 is still running");
                yield List.of(args[0] + " 上 " + args[1] + " 的评语");
            }
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static Catalog catalog() {
        return fake(Catalog.class, (name, args) -> {
            if (!name.equals("get")) throw new UnsupportedOperationException(name);
            String id = (String) args[0];
            return Optional.ofNullable(TEACHERS.get(id)).map(t -> new Lesson(id, "实验中学", "101", t, "数学", "初二(3)班", null, null,
                    "课 " + id, LessonState.FINISHED, AT, AT, 1L, 1L, List.of(), List.of(), List.of(), false, false));
        });
    }

    private interface Answers {
        Object answer(String method, Object[] args);
    }

    /** The service answering only the calls the composition makes; any other fails the test. */
    private static <T> T fake(Class<T> type, Answers answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.answer(method.getName(), args)));
    }
}
