package org.yike.api.publish;

import java.time.Instant;

/**
 * One lesson on its way to one target: bytes sent of the total so far, how many attempts it took,
 * and the last problem in words ({@code error}, null when there was none).
 */
public record Job(String id, String recording, String room, String target, State state, long bytesSent,
        long total, int attempts, String error, Instant created, Instant updated) {

    public enum State {
        QUEUED, UPLOADING, RETRYING, DONE, FAILED, CANCELLED;

        /** Done, failed or cancelled: nothing more happens to the job. */
        public boolean ended() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    /** Percent of the bytes sent, 0 to 100. */
    public int percent() {
        return total <= 0 ? (state == State.DONE ? 100 : 0) : (int) Math.min(100, bytesSent * 100 / total);
    }
}
