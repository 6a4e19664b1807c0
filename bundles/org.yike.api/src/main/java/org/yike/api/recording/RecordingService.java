package org.yike.api.recording;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

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

    Recording stop(String id);

    /** The classrooms that have at least one video source now, sorted. */
    List<String> classrooms();

    List<Recording> list();

    Optional<Recording> get(String id);
}
