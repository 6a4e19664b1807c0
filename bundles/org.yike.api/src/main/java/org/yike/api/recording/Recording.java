package org.yike.api.recording;

import java.time.Instant;
import java.util.List;

/** A lesson being recorded or recorded. {@code error} says what went wrong, in words. */
public record Recording(String id, String classroom, String title, State state, Instant started,
        Instant ended, List<RecordedFile> files, String error) {

    public enum State { RECORDING, FINISHED, FAILED }

    public Recording {
        files = List.copyOf(files);
    }

    /** A file of the recording: {@code kind} is {@code program} (the directed video) or {@code metadata}. */
    public record RecordedFile(String kind, String path, String profile) {
    }
}
