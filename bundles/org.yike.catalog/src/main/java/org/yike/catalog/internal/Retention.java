package org.yike.catalog.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the lessons older than their category keeps them ({@link KeepDays}), then the oldest lessons, one at
 * a time, while free space is below the threshold, and says so once when nothing is left to delete. Neither
 * pass deletes a protected or published lesson, nor one recording; the first leaves those pending review too.
 */
final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    interface Lessons {
        List<String> oldestDeletable(int n) throws Exception;

        /** The lessons retention may delete by age, neither pending review, that ended before {@code before}. */
        List<Ended> deletableEndedBefore(Instant before) throws Exception;

        void delete(String id, String why, long freeBytes);
    }

    /** A lesson as the age pass weighs it. */
    record Ended(String id, Instant ended, List<String> tags) {
    }

    private final Lessons lessons;
    private final LongSupplier freeBytes;
    private final LongSupplier thresholdBytes;
    private final KeepDays keep;
    private final Clock clock;
    private boolean warned;

    Retention(Lessons lessons, LongSupplier freeBytes, LongSupplier thresholdBytes, KeepDays keep, Clock clock) {
        this.lessons = lessons;
        this.freeBytes = freeBytes;
        this.thresholdBytes = thresholdBytes;
        this.keep = keep;
        this.clock = clock;
    }

    /** Answers how many lessons it deleted. */
    int run() throws Exception {
        return expire() + makeRoom();
    }

    private int expire() throws Exception {
        if (keep.keepsAll()) return 0;
        Instant now = clock.instant();
        int deleted = 0;
        for (Ended l : lessons.deletableEndedBefore(now.minus(Duration.ofDays(keep.fewest())))) {
            Optional<KeepDays.Rule> rule = keep.ruleFor(l.tags());
            if (rule.isPresent() && l.ended().plus(Duration.ofDays(rule.get().days())).isBefore(now)) {
                String category = rule.get().category().equals(KeepDays.OTHERWISE) ? "lessons of no category kept longer"
                        : "'" + rule.get().category() + "' lessons";
                lessons.delete(l.id(), String.format("retention: %s are kept %d days; it ended %s", category,
                        rule.get().days(), l.ended()), -1);
                deleted++;
            }
        }
        return deleted;
    }

    private int makeRoom() throws Exception {
        long threshold = thresholdBytes.getAsLong();
        int deleted = 0;
        for (long free = freeBytes.getAsLong(); free < threshold; free = freeBytes.getAsLong()) {
            List<String> oldest = lessons.oldestDeletable(1);
            if (oldest.isEmpty()) {
                if (!warned) {
                    LOG.warn("Only {} MB free, below the {} MB retention keeps, and every lesson left is protected, "
                            + "published or recording", free >> 20, threshold >> 20);
                }
                warned = true;
                return deleted;
            }
            lessons.delete(oldest.get(0), String.format("retention: only %d MB free, below the %d MB to keep free",
                    free >> 20, threshold >> 20), free);
            deleted++;
        }
        warned = false;
        return deleted;
    }
}
