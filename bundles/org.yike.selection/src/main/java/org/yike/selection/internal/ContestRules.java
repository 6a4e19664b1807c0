package org.yike.selection.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.yike.api.selection.Assignment;
import org.yike.api.selection.Entry;
import org.yike.api.selection.Judge;
import org.yike.api.selection.Ranked;
import org.yike.api.selection.Score;

/** The contest's rules, apart from where they are kept: who judges what, and how entries rank. */
final class ContestRules {

    /** Two scores this close are equal. */
    private static final double EQUAL = 1e-9;
    static final int FIRST_JUDGES = 2;

    private ContestRules() {
    }

    /**
     * A judge for {@code entry} who is not from its school nor judges it already: the one with the fewest
     * entries so far ({@code load}), by name on a tie; empty when there is none. Given the entries
     * {@link #schoolBySchool}, every judge ends with as many entries as the others, give or take one.
     */
    static Optional<Judge> next(Entry entry, Set<String> already, List<Judge> judges, Map<String, Integer> load) {
        return judges.stream()
                .filter(j -> !already.contains(j.name()) && (j.school() == null || !j.school().equals(entry.school())))
                .min(Comparator.comparingInt((Judge j) -> load.getOrDefault(j.name(), 0)).thenComparing(Judge::name));
    }

    /**
     * The entries taken school by school in turn (the schools in the order their first entry came): the
     * judges each school's entries cannot have are passed over evenly, so the load comes out even.
     */
    static <T> List<T> schoolBySchool(List<T> entries, Function<T, String> school) {
        Map<String, List<T>> bySchool = new LinkedHashMap<>();
        entries.forEach(e -> bySchool.computeIfAbsent(String.valueOf(school.apply(e)), k -> new ArrayList<>()).add(e));
        List<T> turns = new ArrayList<>();
        for (int i = 0; turns.size() < entries.size(); i++) {
            for (List<T> theirs : bySchool.values()) {
                if (i < theirs.size()) turns.add(theirs.get(i));
            }
        }
        return turns;
    }

    /**
     * The entry's standing from its assignments and scores: fully scored once both first judges have scored
     * and, where they differ by more than {@code threshold}, a third judge too; the weighted mean counts a
     * third judge twice.
     */
    static Ranked standing(Entry entry, List<Assignment> assigned, List<Score> scores, double threshold) {
        List<Double> all = scores.stream().map(Score::score).toList();
        List<Score> firstTwo = scores.stream().filter(s -> !s.third()).toList();
        boolean thirdScored = scores.stream().anyMatch(Score::third);
        boolean complete = firstTwo.size() >= FIRST_JUDGES && (thirdScored || !disagree(firstTwo, threshold));
        boolean third = assigned.stream().anyMatch(Assignment::third);
        if (!complete) return new Ranked(0, entry, 0, 0, all, third);
        double sum = 0;
        double weights = 0;
        for (Score s : scores) {
            double w = s.third() ? 2 : 1;
            sum += w * s.score();
            weights += w;
        }
        double spread = all.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - all.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return new Ranked(-1, entry, sum / weights, spread, all, third);
    }

    /**
     * Ranks fully scored standings (those with rank -1): by score, then the smaller spread; equal in both, one
     * rank for all; the others come last with rank 0, all in the order given otherwise.
     */
    static List<Ranked> rank(List<Ranked> standings) {
        List<Ranked> scored = standings.stream().filter(r -> r.rank() != 0)
                .sorted(Comparator.comparingDouble(Ranked::score).reversed().thenComparingDouble(Ranked::spread)).toList();
        List<Ranked> ranked = new ArrayList<>();
        for (Ranked r : scored) {
            int rank = 1 + (int) scored.stream().filter(o -> better(o, r)).count();
            ranked.add(new Ranked(rank, r.entry(), r.score(), r.spread(), r.scores(), r.thirdJudge()));
        }
        standings.stream().filter(r -> r.rank() == 0).forEach(ranked::add);
        return ranked;
    }

    private static boolean better(Ranked a, Ranked b) {
        if (a.score() > b.score() + EQUAL) return true;
        return Math.abs(a.score() - b.score()) <= EQUAL && a.spread() < b.spread() - EQUAL;
    }

    /** Whether two first scores differ by more than the threshold, so that a third judge decides. */
    static boolean disagree(List<Score> firstTwo, double threshold) {
        Objects.checkIndex(1, firstTwo.size());
        return Math.abs(firstTwo.get(0).score() - firstTwo.get(1).score()) > threshold + EQUAL;
    }
}
