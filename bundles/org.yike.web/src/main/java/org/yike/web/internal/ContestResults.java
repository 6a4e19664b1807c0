package org.yike.web.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yike.api.catalog.Catalog;
import org.yike.api.selection.Contest;
import org.yike.api.selection.NewContest;
import org.yike.api.selection.Ranked;
import org.yike.api.selection.Selection;

/**
 * A teacher's lessons in the closed contests ({@code GET /api/contests/mine}), composed from what Selection
 * offers: the last round each reached, its rank there, whether it won, and the judges' comments. A lesson is
 * the teacher's as the access filter judges it: the catalog names them its teacher now (the entry's
 * teacher is the one at the nomination).
 */
final class ContestResults {

    /**
     * One lesson in one contest: its title as nominated, the last round it reached (from 1, of {@code rounds}), its
     * rank there (0 where it was never fully scored), {@code won}: among the winners of the last round.
     */
    record Result(String contest, String contestName, String lesson, String title, int round, String roundName, int rounds,
            int rank, boolean won, List<String> comments) {
    }

    private ContestResults() {
    }

    /** The teacher's results, the newest contest first (as {@link Selection#contests()} lists them). */
    static List<Result> of(Selection selection, Catalog catalog, String teacher) {
        Map<String, Boolean> theirs = new HashMap<>();
        List<Result> results = new ArrayList<>();
        for (Contest c : selection.contests()) {
            if (!c.closed()) continue;
            // the later round's standing replaces the earlier: what is left is where each lesson stopped
            Map<String, Ranked> reached = new LinkedHashMap<>();
            for (int round = 1; round <= c.round(); round++) {
                for (Ranked r : selection.ranking(c.id(), round)) {
                    String lesson = r.entry().lesson();
                    if (theirs.computeIfAbsent(lesson, l -> catalog.get(l).map(x -> teacher.equals(x.teacher())).orElse(false))) {
                        reached.put(lesson, r);
                    }
                }
            }
            reached.forEach((lesson, r) -> {
                int round = r.entry().round();
                NewContest.Round reachedRound = c.rounds().get(round - 1);
                boolean won = round == c.rounds().size() && r.rank() > 0 && r.rank() <= reachedRound.advance();
                results.add(new Result(c.id(), c.name(), lesson, r.entry().title(), round, reachedRound.name(), c.rounds().size(),
                        r.rank(), won, selection.comments(c.id(), lesson)));
            });
        }
        return results;
    }
}
