package org.yike.api.catalog;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
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

    /**
     * The lesson's teacher (or an admin), {@code by}, asks for it to be published: a private or rejected lesson
     * becomes {@link LessonReview.State#PENDING}. A lesson recording now is asked for as it records and is
     * pending once it has ended.
     *
     * @throws IllegalStateException where it is pending or published already, or only scheduled
     */
    Lesson requestReview(String id, String by);

    /**
     * A reviewer's decision on a pending lesson: published, or rejected with {@code reason} (required), which its
     * teacher reads; announced as {@link CatalogEvents#REVIEWED}.
     *
     * @throws IllegalStateException where the lesson is not pending
     */
    Lesson review(String id, boolean publish, String reason, String by);

    /**
     * Counts a view of a recorded lesson by {@code viewer}: a player that played at least 10 s of it, {@code view}
     * the player's own id. Counted once per view id however often its player says so; answers whether it was
     * counted now.
     *
     * @throws IllegalArgumentException where there is no such lesson or the view id is blank
     * @throws IllegalStateException where the lesson is only scheduled
     */
    boolean viewed(String id, String view, String viewer);

    /** The views of the lessons dated {@code from} to {@code to} (both included), by lesson, the most viewed first. */
    Map<String, Long> views(LocalDate from, LocalDate to);

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
