package org.yike.catalog.internal;

import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the oldest lessons that are neither protected nor published, one at a time, while free
 * space is below the threshold; says so once when nothing is left to delete.
 */
final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    interface Lessons {
        List<String> oldestDeletable(int n) throws Exception;

        void delete(String id, String why, long freeBytes);
    }

    private final Lessons lessons;
    private final LongSupplier freeBytes;
    private final LongSupplier thresholdBytes;
    private boolean warned;

    Retention(Lessons lessons, LongSupplier freeBytes, LongSupplier thresholdBytes) {
        this.lessons = lessons;
        this.freeBytes = freeBytes;
        this.thresholdBytes = thresholdBytes;
    }

    /** Answers how many lessons it deleted. */
    int run() throws Exception {
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
