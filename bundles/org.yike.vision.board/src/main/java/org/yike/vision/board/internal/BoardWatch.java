package org.yike.vision.board.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Watches a zone of a blackboard for writing: cells that change and then stay changed for a while, few
 * at a time. A teacher passing in front changes cells only while passing; one who stands there, or a
 * wiped board, changes many cells at once: neither is writing, and what is left is taken as the board.
 */
final class BoardWatch {

    private final int threshold;
    private final Duration lasting;
    private final double writingShare;
    private final Duration repeat;
    private final double[] zone;
    private boolean[] in;
    private int cellsIn;
    private Cells previous;
    /** The board as written so far, in its own light. */
    private Cells board;
    /** Per cell: since when it has not changed from one picture to the next. */
    private Instant[] stillSince;
    private Instant posted;

    /**
     * @param threshold    a cell's change in brightness (0..255) that counts
     * @param lasting      how long a change must stay to be writing
     * @param writingShare at most this share (0..1) of the zone's cells become writing at once
     * @param repeat       while writing goes on, it is reported again after this long
     * @param zone         the board in the picture: x, y, width, height, fractions of the picture
     */
    BoardWatch(int threshold, Duration lasting, double writingShare, Duration repeat, double[] zone) {
        this.threshold = threshold;
        this.lasting = lasting;
        this.writingShare = writingShare;
        this.repeat = repeat;
        this.zone = zone.clone();
    }

    /** Where new writing is (x, y: fractions of the picture) when this picture shows some to report; else {@code null}. */
    double[] see(Cells now, Instant time) {
        if (previous == null || !now.sameShape(previous)) {
            in = now.zone(zone[0], zone[1], zone[2], zone[3]);
            cellsIn = 0;
            for (boolean b : in) cellsIn += b ? 1 : 0;
            previous = now;
            board = now.copy();
            stillSince = new Instant[now.size()];
            Arrays.fill(stillSince, time);
            return null;
        }
        float sincePrevious = now.gain(previous), sinceBoard = now.gain(board);
        int written = 0;
        double sumX = 0, sumY = 0;
        boolean[] lastingChange = new boolean[now.size()];
        for (int i = 0; i < now.size(); i++) {
            if (!in[i]) continue;
            // half the threshold: a cell that changed by a little more than it must also be seen to move
            if (now.changed(i, previous, sincePrevious, threshold / 2)) stillSince[i] = time;
            if (now.changed(i, board, sinceBoard, threshold) && Duration.between(stillSince[i], time).compareTo(lasting) >= 0) {
                lastingChange[i] = true;
                written++;
                sumX += (i % now.columns + 0.5) / now.columns;
                sumY += (i / now.columns + 0.5) / now.rows;
            }
        }
        previous = now;
        if (written == 0) return null;
        for (int i = 0; i < lastingChange.length; i++) {
            if (lastingChange[i]) board.adopt(i, now, sinceBoard);
        }
        if (written > writingShare * cellsIn) return null;
        if (posted != null && Duration.between(posted, time).compareTo(repeat) < 0) return null;
        posted = time;
        return new double[] {sumX / written, sumY / written};
    }
}
