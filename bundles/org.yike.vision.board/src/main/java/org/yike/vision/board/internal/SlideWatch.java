package org.yike.vision.board.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Watches a courseware screen for new slides: the picture changes in a good part and then stays still.
 * A video keeps moving and a clock or a cursor changes little, so neither is a new slide.
 */
final class SlideWatch {

    /** A picture that differs from the one before in fewer cells than this share is still: a clock, a cursor. */
    static final double STILL_SHARE = 0.02;

    private final int threshold;
    private final double slideShare;
    private final Duration still;
    private Cells previous;
    /** The slide shown since the screen was last still; {@code null} until it first is. */
    private Cells slide;
    /** When the screen began to change since it was last still, or {@code null}. */
    private Instant changedAt;
    private Instant stillSince;

    /**
     * @param threshold  a cell's change in brightness (0..255) that counts
     * @param slideShare the share of cells (0..1) that must change for a new slide
     * @param still      how long the new picture must then stay as it is
     */
    SlideWatch(int threshold, double slideShare, Duration still) {
        this.threshold = threshold;
        this.slideShare = slideShare;
        this.still = still;
    }

    /** When a new slide came, if this picture shows that one did; else {@code null}. */
    Instant see(Cells now, Instant time) {
        if (previous == null || !now.sameShape(previous)) {
            previous = now;
            slide = null;
            stillSince = time;
            return null;
        }
        boolean moving = now.changedShare(previous, threshold, now.all()) > STILL_SHARE;
        previous = now;
        if (moving) {
            if (changedAt == null) changedAt = time;
            stillSince = time;
            return null;
        }
        if (Duration.between(stillSince, time).compareTo(still) < 0) return null;
        if (slide == null) {
            slide = now;
            changedAt = null;
            return null;
        }
        // compared with the slide, not only the picture before: a slow fade moves little at a time
        if (now.changedShare(slide, threshold, now.all()) >= slideShare) {
            Instant came = changedAt != null ? changedAt : time;
            slide = now;
            changedAt = null;
            return came;
        }
        if (changedAt != null) {
            // a small change that settled (a pointer moved): the slide as it is now
            slide = now;
            changedAt = null;
        }
        return null;
    }
}
