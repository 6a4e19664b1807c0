package org.yike.analysis.lesson.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yike.api.analysis.LessonAnalysis;
import org.yike.api.analysis.LessonType;
import org.yike.api.analysis.StAnalysis;
import org.yike.api.analysis.TeacherSummary;
import org.yike.api.catalog.Lesson;
import org.yike.api.evaluation.SchoolTerm;
import org.yike.lib.sql.Rows;

/** The analyses in the runtime's database; a lesson's teacher and date come from the catalog when they are summed up. */
final class AnalysisStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rows db;
    private final Function<String, Optional<Lesson>> lessons;
    private final Clock clock;

    AnalysisStore(DataSource database, Function<String, Optional<Lesson>> lessons, Clock clock) throws SQLException {
        this.db = new Rows(database.getConnection());
        this.lessons = lessons;
        this.clock = clock;
    }

    /** Keeps the analysis, replacing one made before. */
    synchronized void keep(LessonAnalysis a) {
        StAnalysis st = a.st();
        String json = json(a);
        stored(() -> db.transaction(() -> {
            db.update("DELETE FROM lesson_analysis WHERE lesson_id = ?", a.lesson());
            return db.update("INSERT INTO lesson_analysis VALUES (?, ?, ?, ?, ?, ?)", a.lesson(), clock.millis(),
                    st == null ? null : st.rt(), st == null ? null : st.ch(), st == null ? null : st.type().name(), json);
        }));
    }

    synchronized Optional<LessonAnalysis> get(String lesson) {
        return stored(() -> db.query("SELECT analysis FROM lesson_analysis WHERE lesson_id = ?", r -> r.getString(1), lesson))
                .stream().findFirst().map(AnalysisStore::read);
    }

    synchronized void forget(String lesson) {
        stored(() -> db.update("DELETE FROM lesson_analysis WHERE lesson_id = ?", lesson));
    }

    /** The S-T analysed lessons the catalog knows, summed up per teacher and term; {@code term} null: every term. */
    synchronized List<TeacherSummary> byTeacher(String term) {
        record Row(String lesson, double rt, double ch, LessonType type) {
        }
        record Group(String term, String teacher) {
        }
        List<Row> rows = stored(() -> db.query("SELECT lesson_id, rt, ch, lesson_type FROM lesson_analysis WHERE rt IS NOT NULL",
                r -> new Row(r.getString(1), r.getDouble(2), r.getDouble(3), LessonType.valueOf(r.getString(4)))));
        // by term, then teacher; the lessons without one last
        Map<Group, List<Row>> groups = new TreeMap<>(Comparator.comparing(Group::term)
                .thenComparing(Group::teacher, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Row r : rows) {
            Optional<Lesson> l = lessons.apply(r.lesson());
            if (l.isEmpty() || l.get().date() == null) continue;
            String lessonTerm = SchoolTerm.of(l.get().date());
            if (term == null || term.equals(lessonTerm)) {
                groups.computeIfAbsent(new Group(lessonTerm, l.get().teacher()), k -> new ArrayList<>()).add(r);
            }
        }
        List<TeacherSummary> summaries = new ArrayList<>();
        groups.forEach((group, lessonsOf) -> {
            Map<LessonType, Integer> types = new EnumMap<>(LessonType.class);
            lessonsOf.forEach(r -> types.merge(r.type(), 1, Integer::sum));
            summaries.add(new TeacherSummary(group.teacher(), group.term(), lessonsOf.size(),
                    lessonsOf.stream().mapToDouble(Row::rt).average().orElseThrow(),
                    lessonsOf.stream().mapToDouble(Row::ch).average().orElseThrow(), types));
        });
        return summaries;
    }

    @Override
    public synchronized void close() {
        db.close();
    }

    static String json(LessonAnalysis a) {
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the analysis of " + a.lesson(), e);
        }
    }

    private static LessonAnalysis read(String json) {
        try {
            return JSON.readValue(json, LessonAnalysis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored analysis does not read: " + e.getMessage(), e);
        }
    }

    private static <T> T stored(Rows.Work<T> work) {
        return Rows.unchecked("the lesson analyses'", work);
    }
}
