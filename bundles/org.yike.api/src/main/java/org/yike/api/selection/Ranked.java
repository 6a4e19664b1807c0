package org.yike.api.selection;

import java.util.List;

/**
 * An entry in a round's ranking: {@code rank} from 1 (shared on a full tie), 0 while not fully scored;
 * {@code score} the weighted mean, {@code spread} the highest score less the lowest, {@code scores} in the
 * order given.
 */
public record Ranked(int rank, Entry entry, double score, double spread, List<Double> scores, boolean thirdJudge) {

    public Ranked {
        scores = List.copyOf(scores);
    }
}
