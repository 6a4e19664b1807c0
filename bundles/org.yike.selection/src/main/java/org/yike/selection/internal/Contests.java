package org.yike.selection.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonState;
import org.yike.api.selection.Assignment;
import org.yike.api.selection.BlindEntry;
import org.yike.api.selection.Contest;
import org.yike.api.selection.Entry;
import org.yike.api.selection.Judge;
import org.yike.api.selection.NewContest;
import org.yike.api.selection.Ranked;
import org.yike.api.selection.Score;
import org.yike.api.selection.Selection;
import org.yike.lib.sql.Rows;

/** The contests, kept in the runtime's database; the lessons nominated come from the catalog. */
@Component
public class Contests implements Selection {

    private static final Logger LOG = LoggerFactory.getLogger(Contests.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ContestStore store;
    private final Function<String, Optional<Lesson>> lessons;
    private final Clock clock;

    @Activate
    public Contests(@Reference(target = "(yike.database=catalog)") DataSource database, @Reference Catalog catalog)
            throws SQLException {
        this(database, catalog::get, Clock.systemDefaultZone());
    }

    Contests(DataSource database, Function<String, Optional<Lesson>> lessons, Clock clock) throws SQLException {
        this.store = new ContestStore(database);
        this.lessons = lessons;
        this.clock = clock;
    }

    @Deactivate
    void close() {
        store.close();
    }

    @Override
    public synchronized Contest create(NewContest c, String by) {
        String base = "contest-" + LocalDateTime.now(clock).format(ID_TIME);
        String id = base;
        for (int i = 2; contest(id).isPresent(); i++) id = base + "-" + i;
        Contest made = new Contest(id, c.name().strip(), c.rounds(), c.threshold(), c.maxScore(), 1, false, clock.instant(), by);
        stored(() -> {
            store.insert(made);
            return null;
        });
        LOG.info("Contest {} ({}) made by {}: rounds {}", id, made.name(), by, c.rounds());
        return made;
    }

    @Override
    public List<Contest> contests() {
        return stored(() -> store.contests(null));
    }

    @Override
    public Optional<Contest> contest(String id) {
        return stored(() -> store.contest(id));
    }

    @Override
    public synchronized Entry nominate(String contest, String lesson, String by) {
        Contest c = open(contest);
        if (c.round() != 1) throw new IllegalStateException("contest " + contest + " is in round " + c.round() + ": nominations are closed");
        Lesson l = lessons.apply(lesson).orElseThrow(() -> new IllegalArgumentException("no lesson " + lesson));
        if (l.state() != LessonState.FINISHED) {
            throw new IllegalArgumentException("lesson " + lesson + " is " + l.state().name().toLowerCase() + ": only a whole recorded lesson can be nominated");
        }
        List<ContestStore.Stored> there = stored(() -> store.entries(contest, 1));
        if (there.stream().anyMatch(s -> s.entry().lesson().equals(lesson))) {
            throw new IllegalStateException("lesson " + lesson + " is nominated already");
        }
        Entry e = new Entry(contest + "-1-" + (there.size() + 1), contest, 1, lesson, l.school(), l.teacher(), l.title(), clock.instant());
        stored(() -> {
            store.insert(e, l.course(), l.schoolClass(), there.size());
            return null;
        });
        LOG.info("Lesson {} ({}) nominated into {} by {}", lesson, l.school(), contest, by);
        return e;
    }

    @Override
    public List<Entry> entries(String contest, int round) {
        known(contest);
        return stored(() -> store.entries(contest, round)).stream().map(ContestStore.Stored::entry).toList();
    }

    @Override
    public synchronized List<Assignment> assign(String contest, int round, List<Judge> judges) {
        Contest c = current(open(contest), round);
        return stored(() -> store.transaction(() -> {
            store.judges(contest, round, judges);
            List<Judge> pool = store.judges(contest, round);
            List<Assignment> all = store.assignments(contest, round);
            Map<String, Integer> load = load(all);
            for (ContestStore.Stored s : ContestRules.schoolBySchool(store.entries(contest, round), x -> x.entry().school())) {
                Set<String> already = all.stream().filter(a -> a.entry().equals(s.entry().id())).map(Assignment::judge)
                        .collect(Collectors.toCollection(HashSet::new));
                if (already.size() >= ContestRules.FIRST_JUDGES) {
                    thirdWhereNeeded(c, s.entry(), all, store.scores(contest, round), pool, true);
                    continue;
                }
                while (already.size() < ContestRules.FIRST_JUDGES) {
                    Judge j = ContestRules.next(s.entry(), already, pool, load).orElseThrow(() -> new IllegalStateException(
                            "entry " + s.entry().id() + " (" + s.entry().school() + ") needs " + ContestRules.FIRST_JUDGES
                                    + " judges from other schools; the judges are " + pool));
                    Assignment a = new Assignment(s.entry().id(), j.name(), false);
                    store.insert(a, already.size());
                    all.add(a);
                    already.add(j.name());
                    load.merge(j.name(), 1, Integer::sum);
                }
            }
            return store.assignments(contest, round);
        }));
    }

    @Override
    public List<BlindEntry> assigned(String contest, String judge) {
        Contest c = known(contest);
        Set<String> theirs = stored(() -> store.assignments(contest, c.round())).stream().filter(a -> a.judge().equals(judge))
                .map(Assignment::entry).collect(Collectors.toSet());
        Map<String, Double> given = stored(() -> store.scores(contest, c.round())).stream().filter(s -> s.judge().equals(judge))
                .collect(Collectors.toMap(Score::entry, Score::score));
        return stored(() -> store.entries(contest, c.round())).stream().filter(s -> theirs.contains(s.entry().id()))
                .map(s -> new BlindEntry(s.entry().id(), s.entry().lesson(), s.course(), s.schoolClass(), given.get(s.entry().id())))
                .toList();
    }

    @Override
    public synchronized Score score(String contest, String entry, String judge, double score, String comment) {
        Contest c = open(contest);
        if (!(score >= 0 && score <= c.maxScore())) {
            throw new IllegalArgumentException("a score is from 0 to " + c.maxScore() + ", not " + score);
        }
        List<Assignment> all = new ArrayList<>(stored(() -> store.assignments(contest, c.round())));
        Assignment mine = all.stream().filter(a -> a.entry().equals(entry) && a.judge().equals(judge)).findFirst()
                .orElseThrow(() -> new IllegalStateException(judge + " does not judge entry " + entry + " in this round"));
        Score s = new Score(entry, judge, score, comment == null || comment.isBlank() ? null : comment.strip(), clock.instant(), mine.third());
        return stored(() -> store.transaction(() -> {
            store.put(s);
            Entry e = store.entries(contest, c.round()).stream().map(ContestStore.Stored::entry).filter(x -> x.id().equals(entry))
                    .findFirst().orElseThrow();
            thirdWhereNeeded(c, e, all, store.scores(contest, c.round()), store.judges(contest, c.round()), false);
            return s;
        }));
    }

    /**
     * Assigns a third judge to an entry whose first two judges differ by more than the threshold and that has
     * none yet. Where no judge of another school is left: refused when {@code required} (assigning), else
     * logged (the score stands and the entry waits, unranked, for the next assignment).
     */
    private void thirdWhereNeeded(Contest c, Entry e, List<Assignment> all, List<Score> scores, List<Judge> pool, boolean required)
            throws SQLException {
        List<Score> firstTwo = scores.stream().filter(x -> x.entry().equals(e.id()) && !x.third()).toList();
        boolean called = all.stream().anyMatch(a -> a.entry().equals(e.id()) && a.third());
        if (called || firstTwo.size() < ContestRules.FIRST_JUDGES || !ContestRules.disagree(firstTwo, c.threshold())) return;
        Set<String> already = all.stream().filter(a -> a.entry().equals(e.id())).map(Assignment::judge).collect(Collectors.toSet());
        Optional<Judge> third = ContestRules.next(e, already, pool, load(all));
        if (third.isEmpty()) {
            String why = "entry " + e.id() + " needs a third judge (its scores " + firstTwo.get(0).score() + " and "
                    + firstTwo.get(1).score() + " differ by more than " + c.threshold() + "), and no judge of another school is left";
            if (required) throw new IllegalStateException(why);
            LOG.warn("{}: add a judge and assign the round again", why);
            return;
        }
        Assignment a = new Assignment(e.id(), third.get().name(), true);
        store.insert(a, already.size());
        all.add(a);
        LOG.info("Entry {}: scores {} apart, more than {}; {} judges it too", e.id(),
                Math.abs(firstTwo.get(0).score() - firstTwo.get(1).score()), c.threshold(), third.get().name());
    }

    @Override
    public List<Ranked> ranking(String contest, int round) {
        known(contest);
        List<Assignment> assigned = stored(() -> store.assignments(contest, round));
        List<Score> scores = stored(() -> store.scores(contest, round));
        double threshold = known(contest).threshold();
        return ContestRules.rank(stored(() -> store.entries(contest, round)).stream().map(s -> ContestRules.standing(s.entry(),
                assigned.stream().filter(a -> a.entry().equals(s.entry().id())).toList(),
                scores.stream().filter(x -> x.entry().equals(s.entry().id())).toList(), threshold)).toList());
    }

    @Override
    public synchronized List<Ranked> close(String contest, int round) {
        Contest c = current(open(contest), round);
        List<Ranked> ranked = ranking(contest, round);
        List<String> open = ranked.stream().filter(r -> r.rank() == 0).map(r -> r.entry().id()).toList();
        if (ranked.isEmpty() || !open.isEmpty()) {
            throw new IllegalStateException("round " + round + " of " + contest + " cannot close: "
                    + (ranked.isEmpty() ? "it has no entries" : "entries not fully scored: " + open));
        }
        int advance = c.rounds().get(round - 1).advance();
        boolean last = round == c.rounds().size();
        Map<String, ContestStore.Stored> byId = new LinkedHashMap<>();
        stored(() -> store.entries(contest, round)).forEach(s -> byId.put(s.entry().id(), s));
        stored(() -> store.transaction(() -> {
            if (!last) {
                int position = 0;
                for (Ranked r : ranked) {
                    if (r.rank() > advance) continue;
                    Entry e = r.entry();
                    ContestStore.Stored s = byId.get(e.id());
                    store.insert(new Entry(contest + "-" + (round + 1) + "-" + (position + 1), contest, round + 1, e.lesson(), e.school(),
                            e.teacher(), e.title(), e.nominated()), s.course(), s.schoolClass(), position++);
                }
            }
            store.advance(contest, last ? round : round + 1, last);
            return null;
        }));
        LOG.info("Round {} of {} closed: {} ranked, the first {} {}", round, contest, ranked.size(), advance,
                last ? "win" : "go on");
        return ranked;
    }

    @Override
    public List<String> comments(String contest, String lesson) {
        if (!known(contest).closed()) throw new IllegalStateException("contest " + contest + " is still running: comments come after it");
        return stored(() -> store.comments(contest, lesson));
    }

    private static Map<String, Integer> load(List<Assignment> all) {
        Map<String, Integer> load = new HashMap<>();
        all.forEach(a -> load.merge(a.judge(), 1, Integer::sum));
        return load;
    }

    private Contest known(String contest) {
        return contest(contest).orElseThrow(() -> new IllegalArgumentException("no contest " + contest));
    }

    private Contest open(String contest) {
        Contest c = known(contest);
        if (c.closed()) throw new IllegalStateException("contest " + contest + " has closed");
        return c;
    }

    private static Contest current(Contest c, int round) {
        if (round != c.round()) throw new IllegalStateException("contest " + c.id() + " is in round " + c.round() + ", not " + round);
        return c;
    }

    private static <T> T stored(Rows.Work<T> work) {
        return Rows.unchecked("the contests'", work);
    }
}
