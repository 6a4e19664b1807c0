package org.yike.api.selection;

import java.time.Instant;

/** A lesson in a round of a contest: its school and teacher as the catalog had them when it was nominated. */
public record Entry(String id, String contest, int round, String lesson, String school, String teacher, String title,
        Instant nominated) {
}
