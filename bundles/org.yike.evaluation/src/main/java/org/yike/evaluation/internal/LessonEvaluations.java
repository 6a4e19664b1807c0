package org.yike.evaluation.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.Lesson;
import org.yike.api.evaluation.Evaluation;
import org.yike.api.evaluation.EvaluationEvents;
import org.yike.api.evaluation.Evaluations;
import org.yike.api.evaluation.Indicator;
import org.yike.api.evaluation.Note;
import org.yike.api.evaluation.Rubric;
import org.yike.api.evaluation.Statistic;
import org.yike.api.evaluation.SchoolTerm;
import org.yike.lib.sql.Rows;

/** Rubrics and evaluations in the runtime's database; a lesson's facts (teacher, course, class, date) come from the catalog. */
@Component
public class LessonEvaluations implements Evaluations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVALUATION = "SELECT * FROM evaluation";

    private final Rows db;
    private final Function<String, Optional<Lesson>> lessons;
    private final Clock clock;
    private final Consumer<Event> post;

    @Activate
    public LessonEvaluations(@Reference(target = "(yike.database=catalog)") DataSource database, @Reference Catalog catalog,
            @Reference EventAdmin events) throws SQLException {
        this(database, catalog::get, Clock.systemDefaultZone(), events::postEvent);
    }

    LessonEvaluations(DataSource database, Function<String, Optional<Lesson>> lessons, Clock clock, Consumer<Event> post)
            throws SQLException {
        this.db = new Rows(database.getConnection());
        this.lessons = lessons;
        this.clock = clock;
        this.post = post;
    }

    @Deactivate
    synchronized void close() {
        db.close();
    }

    @Override
    public synchronized Rubric importRubric(Rubric r) {
        return stored(() -> {
            Optional<Rubric> newest = newest(r.id());
            if (newest.isPresent() && newest.get().name().equals(r.name()) && newest.get().indicators().equals(r.indicators())) {
                return newest.get();
            }
            Rubric kept = new Rubric(r.id(), newest.map(n -> n.version() + 1).orElse(1), r.name(), r.indicators(), clock.instant());
            db.update("INSERT INTO rubric VALUES (?, ?, ?, ?, ?)", kept.id(), kept.version(), kept.name(), json(kept.indicators()),
                    kept.created().toEpochMilli());
            return kept;
        });
    }

    @Override
    public synchronized List<Rubric> rubrics() {
        return stored(() -> db.query("SELECT * FROM rubric r WHERE version = (SELECT MAX(version) FROM rubric WHERE id = r.id)"
                + " ORDER BY id", LessonEvaluations::rubric));
    }

    @Override
    public synchronized Optional<Rubric> rubric(String id, int version) {
        return stored(() -> db.query("SELECT * FROM rubric WHERE id = ? AND version = ?", LessonEvaluations::rubric, id, version)
                .stream().findFirst());
    }

    private Optional<Rubric> newest(String id) throws SQLException {
        return db.query("SELECT * FROM rubric WHERE id = ? ORDER BY version DESC", LessonEvaluations::rubric, id).stream().findFirst();
    }

    @Override
    public synchronized Evaluation start(String lesson, String rubricId, String evaluator) {
        Lesson l = lessons.apply(lesson).orElseThrow(() -> new IllegalArgumentException("no lesson " + lesson));
        return stored(() -> {
            Rubric r = newest(rubricId).orElseThrow(() -> new IllegalArgumentException("no rubric " + rubricId));
            Optional<Evaluation> begun = one(EVALUATION + " WHERE lesson_id = ? AND rubric_id = ? AND rubric_version = ? AND evaluator = ?",
                    lesson, r.id(), r.version(), evaluator);
            if (begun.isPresent()) return begun.get();
            String id = UUID.randomUUID().toString();
            db.update("INSERT INTO evaluation (id, lesson_id, rubric_id, rubric_version, evaluator, teacher, course, school_class,"
                    + " lesson_date, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, lesson, r.id(), r.version(), evaluator,
                    l.teacher(), l.course(), l.schoolClass(), Date.valueOf(l.date()), clock.instant().toEpochMilli());
            return one(EVALUATION + " WHERE id = ?", id).orElseThrow();
        });
    }

    @Override
    public synchronized Optional<Evaluation> evaluation(String id) {
        return stored(() -> one(EVALUATION + " WHERE id = ?", id));
    }

    @Override
    public synchronized List<Evaluation> ofLesson(String lesson) {
        return whole("SELECT id FROM evaluation WHERE lesson_id = ? ORDER BY started, id", lesson);
    }

    @Override
    public synchronized List<Evaluation> submitted(LocalDate from, LocalDate to) {
        return whole("SELECT id FROM evaluation WHERE submitted IS NOT NULL AND lesson_date BETWEEN ? AND ?"
                + " ORDER BY lesson_date, lesson_id, submitted, id", Date.valueOf(from), Date.valueOf(to));
    }

    /** The evaluations whose ids {@code sql} selects, each read whole. */
    private List<Evaluation> whole(String sql, Object... params) {
        return stored(() -> {
            List<Evaluation> all = new ArrayList<>();
            for (String id : db.query(sql, r -> r.getString(1), params)) all.add(one(EVALUATION + " WHERE id = ?", id).orElseThrow());
            return all;
        });
    }

    @Override
    public synchronized Evaluation score(String evaluation, String indicator, double score) {
        return stored(() -> {
            Evaluation e = open(evaluation);
            Indicator i = rubricOf(e).shares().stream().map(Rubric.Share::indicator).filter(x -> x.id().equals(indicator)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("rubric " + e.rubric() + " v" + e.rubricVersion()
                            + " has no scored indicator " + indicator));
            if (!(score >= 0 && score <= i.maxScore())) {
                throw new IllegalArgumentException(i.name() + " is scored from 0 to " + i.maxScore() + ", not " + score);
            }
            return db.transaction(() -> {
                db.update("DELETE FROM evaluation_score WHERE evaluation_id = ? AND indicator_id = ?", evaluation, indicator);
                db.update("INSERT INTO evaluation_score VALUES (?, ?, ?)", evaluation, indicator, score);
                return one(EVALUATION + " WHERE id = ?", evaluation).orElseThrow();
            });
        });
    }

    @Override
    public synchronized Evaluation note(String evaluation, long atMillis, String text) {
        if (atMillis < 0) throw new IllegalArgumentException("a note's time in the lesson is 0 or more, not " + atMillis);
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a note says something");
        return stored(() -> {
            Evaluation e = open(evaluation);
            db.update("INSERT INTO evaluation_note VALUES (?, ?, ?, ?)", evaluation, e.notes().size(), atMillis, text.strip());
            return one(EVALUATION + " WHERE id = ?", evaluation).orElseThrow();
        });
    }

    @Override
    public synchronized Evaluation submit(String evaluation) {
        return stored(() -> {
            Evaluation e = open(evaluation);
            if (e.total() == null) {
                List<String> missing = rubricOf(e).shares().stream().map(s -> s.indicator().id()).filter(id -> !e.scores().containsKey(id))
                        .toList();
                throw new IllegalStateException("evaluation " + evaluation + " lacks the scores of " + missing);
            }
            db.update("UPDATE evaluation SET submitted = ?, total = ? WHERE id = ?", clock.instant().toEpochMilli(), e.total(), evaluation);
            Evaluation done = one(EVALUATION + " WHERE id = ?", evaluation).orElseThrow();
            post.accept(new Event(EvaluationEvents.SUBMITTED, Map.of(EvaluationEvents.ID, done.id(), EvaluationEvents.LESSON, done.lesson(),
                    EvaluationEvents.RUBRIC, done.rubric(), EvaluationEvents.RUBRIC_VERSION, done.rubricVersion(),
                    EvaluationEvents.EVALUATOR, done.evaluator(), EvaluationEvents.TOTAL, done.total())));
            return done;
        });
    }

    @Override
    public synchronized List<Statistic> statistics(By by) {
        return stored(() -> {
            Map<String, List<Double>> groups = new TreeMap<>();
            db.query("SELECT teacher, course, school_class, lesson_date, total FROM evaluation WHERE submitted IS NOT NULL", r -> {
                groups.computeIfAbsent(group(by, r), k -> new ArrayList<>()).add(r.getDouble("total"));
                return null;
            });
            List<Statistic> stats = new ArrayList<>();
            groups.forEach((g, totals) -> stats.add(new Statistic(g, totals.size(),
                    totals.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    totals.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    totals.stream().mapToDouble(Double::doubleValue).max().orElse(0))));
            return stats;
        });
    }

    private static String group(By by, ResultSet r) throws SQLException {
        return switch (by) {
            case TEACHER -> String.valueOf(r.getString("teacher"));
            case COURSE -> String.valueOf(r.getString("course"));
            case GRADE -> Lesson.gradeOf(r.getString("school_class"));
            case TERM -> SchoolTerm.of(r.getDate("lesson_date").toLocalDate());
        };
    }

    /** The evaluation, with its scores, notes and total, read whole. */
    private Optional<Evaluation> one(String sql, Object... params) throws SQLException {
        List<Evaluation> found = db.query(sql, r -> new Evaluation(r.getString("id"), r.getString("lesson_id"), r.getString("rubric_id"),
                r.getInt("rubric_version"), r.getString("evaluator"), Map.of(), List.of(), null,
                Instant.ofEpochMilli(r.getLong("started")), r.getObject("submitted") == null ? null
                        : Instant.ofEpochMilli(r.getLong("submitted"))), params);
        if (found.isEmpty()) return Optional.empty();
        Evaluation e = found.get(0);
        Map<String, Double> scores = new LinkedHashMap<>();
        db.query("SELECT indicator_id, score FROM evaluation_score WHERE evaluation_id = ?", r -> scores.put(r.getString(1), r.getDouble(2)),
                e.id());
        List<Note> notes = db.query("SELECT at_ms, note_text FROM evaluation_note WHERE evaluation_id = ? ORDER BY at_ms, position",
                r -> new Note(r.getLong(1), r.getString(2)), e.id());
        return Optional.of(new Evaluation(e.id(), e.lesson(), e.rubric(), e.rubricVersion(), e.evaluator(), scores, notes,
                total(rubricOf(e), scores), e.started(), e.submitted()));
    }

    /** Out of 100: each score's share of its indicator's highest, by the indicator's share; null until every one is scored. */
    static Double total(Rubric rubric, Map<String, Double> scores) {
        double total = 0;
        for (Rubric.Share s : rubric.shares()) {
            Double score = scores.get(s.indicator().id());
            if (score == null) return null;
            total += 100 * s.share() * score / s.indicator().maxScore();
        }
        return Math.round(total * 100) / 100.0;
    }

    private Rubric rubricOf(Evaluation e) throws SQLException {
        return db.query("SELECT * FROM rubric WHERE id = ? AND version = ?", LessonEvaluations::rubric, e.rubric(), e.rubricVersion())
                .stream().findFirst().orElseThrow(() -> new SQLException("evaluation " + e.id() + "'s rubric is gone"));
    }

    private Evaluation open(String evaluation) throws SQLException {
        Evaluation e = one(EVALUATION + " WHERE id = ?", evaluation)
                .orElseThrow(() -> new IllegalArgumentException("no evaluation " + evaluation));
        if (e.submitted() != null) throw new IllegalStateException("evaluation " + evaluation + " was submitted; it no longer changes");
        return e;
    }

    private static Rubric rubric(ResultSet r) throws SQLException {
        try {
            return new Rubric(r.getString("id"), r.getInt("version"), r.getString("name"),
                    JSON.readValue(r.getString("indicators"), new TypeReference<List<Indicator>>() { }),
                    Instant.ofEpochMilli(r.getLong("created")));
        } catch (JsonProcessingException e) {
            throw new SQLException("rubric " + r.getString("id") + " does not read", e);
        }
    }

    private static String json(List<Indicator> indicators) {
        try {
            return JSON.writeValueAsString(indicators);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the indicators", e);
        }
    }

    private static <T> T stored(Rows.Work<T> work) {
        return Rows.unchecked("the evaluations'", work);
    }
}
