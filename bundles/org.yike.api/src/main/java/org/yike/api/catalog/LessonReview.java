package org.yike.api.catalog;

import java.time.Instant;

/**
 * Where a lesson stands in the publishing review (课件审核): {@link State#PRIVATE} (its school only) →
 * {@link State#PENDING} (its teacher asked) → {@link State#PUBLISHED} (a reviewer approved: visible beyond
 * the school, and never deleted by retention) or {@link State#REJECTED} with the reviewer's {@code reason}.
 * {@code by} and {@code at}: who moved it there, and when (null for a lesson never asked for).
 */
public record LessonReview(State state, String reason, String by, Instant at) {

    public enum State {
        PRIVATE, PENDING, PUBLISHED, REJECTED
    }

    public static final LessonReview PRIVATE = new LessonReview(State.PRIVATE, null, null, null);

    public LessonReview {
        if (state == null) throw new IllegalArgumentException("a review has a state");
    }
}
