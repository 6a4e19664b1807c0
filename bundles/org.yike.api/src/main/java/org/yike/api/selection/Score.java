package org.yike.api.selection;

import java.time.Instant;

/** A judge's score of an entry and their comment for the teacher. */
public record Score(String entry, String judge, double score, String comment, Instant at, boolean third) {
}
