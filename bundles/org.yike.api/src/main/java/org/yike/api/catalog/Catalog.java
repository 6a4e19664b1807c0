package org.yike.api.catalog;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Every recorded lesson, found by its words and filters. Each lesson's {@code lesson.json} beside its
 * media is the source of truth; the catalog is what can be rebuilt from those files. The timetable's
 * sessions to record in the next days are {@link LessonState#SCHEDULED} lessons too, their id the
 * session's, taken from the timetable (no {@code lesson.json}) until the session records. Errors a
 * caller can fix come as {@link IllegalArgumentException} (no such lesson, bad value) or
 * {@link IllegalStateException} (the lesson is still recording, or only scheduled).
 */
@ProviderType
public interface Catalog {

    LessonPage find(LessonQuery query);

    Optional<Lesson> get(String id);

    /** Changes what {@code edit} names, in the lesson's {@code lesson.json} and in the catalog. */
    Lesson edit(String id, LessonEdit edit);

    /** Deletes the lesson and its folder, files and all; {@code why} is logged and announced. */
    void delete(String id, String why);

    /**
     * Forgets the catalog and reads every {@code lesson.json} under the data folder, and the timetable's
     * scheduled lessons, again; answers how many recorded lessons.
     */
    int rebuild();

    /** One of the lesson's files by its name, as {@link LessonFile#name()} says; only those, and only where they are. */
    Optional<Path> file(String id, String name);

    /** The lesson's folder, where players may keep what they make from its media (posters, HLS segments). */
    Optional<Path> folder(String id);
}
