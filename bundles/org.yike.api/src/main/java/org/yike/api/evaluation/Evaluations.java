package org.yike.api.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Rubrics and evaluations of lessons (评课), kept in the runtime's database. Mistakes a caller can fix come as
 * {@link IllegalArgumentException}, calls out of turn (a submitted evaluation changed) as {@link IllegalStateException}.
 */
@ProviderType
public interface Evaluations {

    /** What statistics are grouped by. */
    enum By { TEACHER, COURSE, GRADE, TERM }

    /** Keeps a rubric: a new id as version 1, a changed one as the next version, an unchanged one as it was. */
    Rubric importRubric(Rubric rubric);

    /** The newest version of each rubric. */
    List<Rubric> rubrics();

    Optional<Rubric> rubric(String id, int version);

    /** The evaluator's evaluation of the lesson by the newest version of the rubric: started, or the one they began before. */
    Evaluation start(String lesson, String rubric, String evaluator);

    Optional<Evaluation> evaluation(String id);

    /** The evaluations of a lesson, the oldest first. */
    List<Evaluation> ofLesson(String lesson);

    /** The submitted evaluations of the lessons dated {@code from} to {@code to} (both included), the oldest lesson first. */
    List<Evaluation> submitted(LocalDate from, LocalDate to);

    /** Scores one scored indicator; again to change it, until submitted. */
    Evaluation score(String evaluation, String indicator, double score);

    /** A note at {@code atMillis} into the lesson. */
    Evaluation note(String evaluation, long atMillis, String text);

    /** Hands the evaluation in, once every scored indicator has a score. */
    Evaluation submit(String evaluation);

    /** The submitted evaluations' totals grouped by teacher, course, grade (初二 of 初二(3)班) or term (2026秋, 2027春). */
    List<Statistic> statistics(By by);
}
