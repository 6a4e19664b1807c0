package org.yike.api.selection;

import java.util.List;

/**
 * A contest to create: its rounds in order, by how much two judges' scores may differ before a third
 * judge is called, and the highest score a judge may give.
 */
public record NewContest(String name, List<Round> rounds, double threshold, double maxScore) {

    /** A round and how many of its entries go on (in the last round: how many win). */
    public record Round(String name, int advance) {
    }

    public NewContest {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a contest has a name");
        if (rounds == null || rounds.isEmpty()) throw new IllegalArgumentException("a contest has at least one round");
        rounds = List.copyOf(rounds);
        for (Round r : rounds) {
            if (r.name() == null || r.name().isBlank() || r.advance() < 1) {
                throw new IllegalArgumentException("each round has a name and lets at least one entry go on: " + r);
            }
        }
        if (!(maxScore > 0)) throw new IllegalArgumentException("the highest score must be above 0, not " + maxScore);
        if (!(threshold >= 0) || threshold > maxScore) {
            throw new IllegalArgumentException("the threshold must be from 0 to the highest score, not " + threshold);
        }
    }
}
