package org.yike.api.recording;

import java.time.Instant;
import java.util.List;

/**
 * A lesson being recorded or recorded. A {@code partial} lesson ended before anyone stopped it (the
 * runtime stopped, the disk ran low) but its file is complete up to that point; {@code error} says,
 * in words, what went wrong or why a partial lesson ended. {@code lesson}: the timetable's session
 * it records, or null for a lesson started by hand. {@code recordedMillis}: how far the lesson's own
 * clock has run, which is how long its program is (every frame due is encoded, however the encoder
 * lags); 0 before its first pictures, and where not known.
 */
public record Recording(String id, String classroom, String title, State state, Instant started,
        Instant ended, List<RecordedFile> files, String error, boolean partial, ScheduledLesson lesson,
        long recordedMillis) {

    public enum State { RECORDING, FINISHED, FAILED }

    public Recording {
        files = List.copyOf(files);
    }

    public Recording(String id, String classroom, String title, State state, Instant started, Instant ended,
            List<RecordedFile> files, String error, boolean partial, ScheduledLesson lesson) {
        this(id, classroom, title, state, started, ended, files, error, partial, lesson, 0);
    }

    public Recording(String id, String classroom, String title, State state, Instant started, Instant ended,
            List<RecordedFile> files, String error, boolean partial) {
        this(id, classroom, title, state, started, ended, files, error, partial, null);
    }

    /**
     * A file of the recording. {@code kind} is {@code program} (the directed video, in the named
     * {@code profile}), {@code resource} (one {@code source}'s own video as it arrived, starting
     * {@code startOffsetMillis} after the lesson), or {@code metadata}. Fields that do not apply are null.
     */
    public record RecordedFile(String kind, String path, String profile, String source, Long startOffsetMillis) {

        public static RecordedFile program(String path, String profile) {
            return new RecordedFile("program", path, profile, null, 0L);
        }

        public static RecordedFile resource(String path, String source, long startOffsetMillis) {
            return new RecordedFile("resource", path, null, source, startOffsetMillis);
        }

        public static RecordedFile metadata(String path) {
            return new RecordedFile("metadata", path, null, null, null);
        }
    }
}
