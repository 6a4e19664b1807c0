package org.yike.api.recording;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.yike.api.director.ProgramDecision;

/** Records lessons. Errors a caller can fix come as {@link IllegalArgumentException} or {@link IllegalStateException}. */
@ProviderType
public interface RecordingService {

    /**
     * Starts recording a classroom.
     *
     * @param classroom the classroom, or {@code null} for the only one there is
     * @param title what the lesson is called, or {@code null} for a title made from the time
     */
    Recording start(String classroom, String title);

    /**
     * Starts recording a lesson of the timetable in its room, titled after it, its id the session's
     * (with {@code -2}, {@code -3}… for a further recording of the same session); {@code lesson.json}
     * carries the session. Refused as {@link #start(String, String)} is.
     */
    Recording start(ScheduledLesson lesson);

    /**
     * A lesson of the timetable that could not be recorded ({@code reason}, in words): kept as a
     * {@link Recording.State#FAILED} lesson without files, so it is found like any other.
     */
    Recording fail(ScheduledLesson lesson, String reason);

    Recording stop(String id);

    /** The classrooms that have at least one video source now, sorted. */
    List<String> classrooms();

    List<Recording> list();

    Optional<Recording> get(String id);

    /**
     * An operator takes over the program of the classroom's running lesson: it shows {@code shot}
     * (its layout, sources and framing) at once, and holds it until the next cut or {@link #resume}.
     */
    void cut(String classroom, ProgramDecision shot);

    /** The classroom's program is directed by its configured strategy again. */
    void resume(String classroom);

    /**
     * The presets of the cameras the classroom's running lesson shows that can turn (by their device's
     * own PTZ or a PTZ service for it), by source key; a shot's {@link org.yike.api.director.Framing#preset}
     * names one of them. A camera that cannot say its presets is left out.
     *
     * @throws IllegalStateException where the classroom is not recording
     */
    Map<String, List<String>> presets(String classroom);

    /**
     * The live profile of the running lesson {@code id} as the engine encodes it, for pushing it
     * elsewhere without encoding it again: fragmented MP4 (H.264 + AAC) from its first byte. Reads
     * wait for what is not encoded yet and end with the lesson. It follows the lesson's file, so a
     * reader that falls behind or stops never holds up the recording.
     *
     * @throws IllegalArgumentException where {@code id} is not a running lesson
     * @throws IllegalStateException where the lesson has no live profile (its bitrate is 0)
     */
    InputStream live(String id) throws IOException;

    /**
     * The least free disk space the recorder keeps (its configuration): a lesson ends when the disk
     * has less, and none starts. What deletes old lessons keeps more than this free.
     */
    long minFreeBytes();
}
