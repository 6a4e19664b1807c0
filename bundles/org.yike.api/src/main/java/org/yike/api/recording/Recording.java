package org.yike.api.recording;

import java.time.Instant;
import java.util.List;

/**
 * A lesson being recorded or recorded. A {@code partial} lesson ended before anyone stopped it (the
 * runtime stopped, the disk ran low) but its file is complete up to that point; {@code error} says,
 * in words, what went wrong or why a partial lesson ended.
 */
public record Recording(String id, String classroom, String title, State state, Instant started,
        Instant ended, List<RecordedFile> files, String error, boolean partial) {

    public enum State { RECORDING, FINISHED, FAILED }

    public Recording {
        files = List.copyOf(files);
    }

    /** A file of the recording: {@code kind} is {@code program} (the directed video) or {@code metadata}. */
    public record RecordedFile(String kind, String path, String profile) {
    }
}
