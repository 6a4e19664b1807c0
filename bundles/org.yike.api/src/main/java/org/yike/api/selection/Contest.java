package org.yike.api.selection;

import java.time.Instant;
import java.util.List;

/** A contest as it stands: {@code round} the one running (from 1), {@code closed} once its last round ended. */
public record Contest(String id, String name, List<NewContest.Round> rounds, double threshold, double maxScore, int round,
        boolean closed, Instant created, String createdBy) {

    public Contest {
        rounds = List.copyOf(rounds);
    }
}
