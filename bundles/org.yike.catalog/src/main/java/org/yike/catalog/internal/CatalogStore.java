package org.yike.catalog.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.yike.api.catalog.Chapter;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonFile;
import org.yike.api.catalog.LessonQuery;
import org.yike.api.catalog.LessonReview;
import org.yike.api.catalog.LessonState;

/** The catalog's rows in the {@link CatalogDatabase}. One connection, used by one caller at a time. */
final class CatalogStore implements AutoCloseable {

    /** A lesson's folder and when its metadata was last changed, as the catalog last read it. */
    record Seen(Path folder, long modified) {
    }

    /**
     * The oldest lessons retention may delete: neither protected, published (by a connector or the review),
     * scheduled nor recording.
     */
    private static final String DELETABLE_WHERE = " WHERE NOT is_protected AND NOT published"
            + " AND review_state <> 'PUBLISHED' AND state NOT IN ('RECORDING', 'SCHEDULED')";
    private static final String DELETABLE = "SELECT id FROM lesson" + DELETABLE_WHERE + " ORDER BY started NULLS FIRST, id";
    /** Those of them, not pending review either, that ended (or, never ended, started) before a time, with their tags. */
    private static final String DELETABLE_ENDED = "SELECT id, COALESCE(ended, started) AS done, tag FROM lesson"
            + " LEFT JOIN lesson_tag ON lesson_id = id" + DELETABLE_WHERE
            + " AND review_state <> 'PENDING' AND COALESCE(ended, started) < ? ORDER BY done, id, position";
    private static final String LESSON_COLUMNS = "id, school, room, teacher, course, school_class, lesson_date, period,"
            + " title, state, started, ended, duration_ms, size_bytes, is_protected, published, review_state, review_reason,"
            + " review_by, review_at";

    /** A request for review made while the lesson recorded, for when it has ended. */
    record ReviewRequest(String by, Instant at) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection db;
    /** PostgreSQL's full-text search, kept beside the rows there; none on Derby, whose search is Lucene's alone. */
    private final PostgresSearch search;

    CatalogStore(DataSource database) throws SQLException {
        db = database.getConnection();
        search = db.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? new PostgresSearch() : null;
    }

    synchronized void put(Lesson l, Path folder, long modified) throws SQLException {
        putAll(List.of(new Entry(l, folder, modified)));
    }

    /** A lesson to put; {@code folder} null for a scheduled one, which the timetable gives and no lesson.json holds. */
    record Entry(Lesson lesson, Path folder, long modified) {
    }

    /** Replaces these lessons (children and all) in one transaction. */
    synchronized void putAll(Collection<Entry> entries) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM lesson WHERE id = ?");
                PreparedStatement lesson = db.prepareStatement("INSERT INTO lesson (" + LESSON_COLUMNS
                        + ", folder, metadata_modified) VALUES (" + String.join(", ", Collections.nCopies(22, "?")) + ")");
                PreparedStatement file = db.prepareStatement("INSERT INTO lesson_file VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement chapter = db.prepareStatement("INSERT INTO chapter VALUES (?, ?, ?, ?)");
                PreparedStatement tag = db.prepareStatement("INSERT INTO lesson_tag VALUES (?, ?, ?)");
                PreparedStatement share = db.prepareStatement("INSERT INTO lesson_share VALUES (?, ?, ?)");
                PreparedStatement words = search == null ? null
                        : db.prepareStatement("INSERT INTO lesson_search VALUES (?, ?::tsvector, ?::tsvector)")) {
            for (Entry e : entries) {
                Lesson l = e.lesson();
                delete.setString(1, l.id());
                delete.executeUpdate();
                int c = 1;
                lesson.setString(c++, l.id());
                lesson.setString(c++, l.school());
                lesson.setString(c++, l.room());
                lesson.setString(c++, l.teacher());
                lesson.setString(c++, l.course());
                lesson.setString(c++, l.schoolClass());
                lesson.setDate(c++, Date.valueOf(l.date()));
                setInt(lesson, c++, l.period());
                lesson.setString(c++, l.title());
                lesson.setString(c++, l.state().name());
                setLong(lesson, c++, l.started() == null ? null : l.started().toEpochMilli());
                setLong(lesson, c++, l.ended() == null ? null : l.ended().toEpochMilli());
                setLong(lesson, c++, l.durationMillis());
                lesson.setLong(c++, l.sizeBytes());
                lesson.setBoolean(c++, l.protectedFromRetention());
                lesson.setBoolean(c++, l.published());
                lesson.setString(c++, l.review().state().name());
                lesson.setString(c++, l.review().reason());
                lesson.setString(c++, l.review().by());
                setLong(lesson, c++, l.review().at() == null ? null : l.review().at().toEpochMilli());
                lesson.setString(c++, e.folder() == null ? null : e.folder().toString());
                lesson.setLong(c, e.modified());
                lesson.executeUpdate();
                if (words != null) {
                    PostgresSearch.Vectors v = search.vectors(l);
                    words.setString(1, l.id());
                    words.setString(2, v.words());
                    words.setString(3, v.pairs());
                    words.addBatch();
                }
                for (int i = 0; i < l.files().size(); i++) {
                    LessonFile f = l.files().get(i);
                    file.setString(1, l.id());
                    file.setInt(2, i);
                    file.setString(3, f.name());
                    file.setString(4, f.role() == null ? "unknown" : f.role());
                    file.setString(5, f.profile());
                    file.setString(6, f.source());
                    file.setLong(7, f.sizeBytes());
                    setLong(file, 8, f.startOffsetMillis());
                    file.addBatch();
                }
                for (int i = 0; i < l.chapters().size(); i++) {
                    chapter.setString(1, l.id());
                    chapter.setInt(2, i);
                    chapter.setLong(3, l.chapters().get(i).atMillis());
                    chapter.setString(4, l.chapters().get(i).title());
                    chapter.addBatch();
                }
                strings(tag, l.id(), l.tags());
                strings(share, l.id(), l.sharedWith());
            }
            file.executeBatch();
            chapter.executeBatch();
            tag.executeBatch();
            share.executeBatch();
            if (words != null) words.executeBatch();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    synchronized void delete(String id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("DELETE FROM lesson WHERE id = ?");
                PreparedStatement views = db.prepareStatement("DELETE FROM lesson_view WHERE lesson_id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
            views.setString(1, id);
            views.executeUpdate();
        }
    }

    /** Counts the view {@code view} of the lesson, unless it was counted before; answers whether it is now. */
    synchronized boolean view(String lesson, String view, String viewer, Instant at) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO lesson_view VALUES (?, ?, ?, ?)")) {
            s.setString(1, view);
            s.setString(2, lesson);
            s.setString(3, viewer);
            s.setLong(4, at.toEpochMilli());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            // the SQL state, not Derby's SQLIntegrityConstraintViolationException, which PostgreSQL's driver never throws
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) return false;
            throw e;
        }
    }

    /** The views of the lessons dated {@code from} to {@code to}, by lesson, the most viewed first (a tie by id). */
    synchronized Map<String, Long> views(LocalDate from, LocalDate to) throws SQLException {
        Map<String, Long> views = new LinkedHashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT lesson_id, COUNT(*) AS n FROM lesson_view JOIN lesson ON id = lesson_id"
                + " WHERE lesson_date BETWEEN ? AND ? GROUP BY lesson_id ORDER BY n DESC, lesson_id")) {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(to));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) views.put(r.getString(1), r.getLong(2));
            }
        }
        return views;
    }

    synchronized void clear() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM lesson");
        }
    }

    synchronized long count() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM lesson")) {
            r.next();
            return r.getLong(1);
        }
    }

    synchronized Optional<Lesson> get(String id) throws SQLException {
        return get(List.of(id)).stream().findFirst();
    }

    /** These lessons, in this order; ids the catalog does not have are left out. */
    synchronized List<Lesson> get(List<String> ids) throws SQLException {
        if (ids.isEmpty()) return List.of();
        String in = " IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<String, Lesson> found = new HashMap<>();
        read("WHERE id" + in, "WHERE lesson_id" + in, ids, l -> found.put(l.id(), l));
        return ids.stream().map(found::get).filter(l -> l != null).toList();
    }

    /** Every lesson, by id. */
    synchronized void forEach(Consumer<Lesson> each) throws SQLException {
        read("", "", List.of(), each);
    }

    /** Where each recorded lesson is and when its metadata was read. */
    synchronized Map<String, Seen> seen() throws SQLException {
        Map<String, Seen> seen = new LinkedHashMap<>();
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT id, folder, metadata_modified FROM lesson WHERE folder IS NOT NULL")) {
            while (r.next()) seen.put(r.getString(1), new Seen(Path.of(r.getString(2)), r.getLong(3)));
        }
        return seen;
    }

    synchronized Optional<Path> folder(String id) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT folder FROM lesson WHERE id = ? AND folder IS NOT NULL")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Path.of(r.getString(1))) : Optional.empty();
            }
        }
    }

    /** The scheduled lessons (those without a folder), by id. */
    synchronized Map<String, Lesson> scheduled() throws SQLException {
        Map<String, Lesson> found = new HashMap<>();
        read("WHERE folder IS NULL", "WHERE lesson_id IN (SELECT id FROM lesson WHERE folder IS NULL)", List.of(),
                l -> found.put(l.id(), l));
        return found;
    }

    /** The ids of the oldest lessons retention may delete, at most {@code n}. */
    synchronized List<String> oldestDeletable(int n) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(DELETABLE)) {
            s.setMaxRows(n);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) ids.add(r.getString(1));
            }
        }
        return ids;
    }

    /** The lessons retention may delete by age that ended before {@code before}, the oldest first. */
    synchronized List<Retention.Ended> deletableEndedBefore(Instant before) throws SQLException {
        Map<String, Retention.Ended> found = new LinkedHashMap<>();
        try (PreparedStatement s = db.prepareStatement(DELETABLE_ENDED)) {
            s.setLong(1, before.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Retention.Ended l = found.get(r.getString(1));
                    if (l == null) {
                        l = new Retention.Ended(r.getString(1), Instant.ofEpochMilli(r.getLong(2)), new ArrayList<>());
                        found.put(l.id(), l);
                    }
                    String tag = r.getString(3);
                    if (tag != null) l.tags().add(tag);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Keeps a request for review of a lesson that is still recording (the last one asked). */
    synchronized void requestReview(String id, ReviewRequest request) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM review_request WHERE lesson_id = ?");
                PreparedStatement insert = db.prepareStatement("INSERT INTO review_request VALUES (?, ?, ?)")) {
            delete.setString(1, id);
            delete.executeUpdate();
            insert.setString(1, id);
            insert.setString(2, request.by());
            insert.setLong(3, request.at().toEpochMilli());
            insert.executeUpdate();
        }
    }

    /** The request for review kept for this lesson, taken away. */
    synchronized Optional<ReviewRequest> takeReviewRequest(String id) throws SQLException {
        Optional<ReviewRequest> found = Optional.empty();
        try (PreparedStatement s = db.prepareStatement("SELECT requested_by, requested_at FROM review_request WHERE lesson_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) found = Optional.of(new ReviewRequest(r.getString(1), Instant.ofEpochMilli(r.getLong(2))));
            }
        }
        if (found.isPresent()) {
            try (PreparedStatement s = db.prepareStatement("DELETE FROM review_request WHERE lesson_id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
        return found;
    }

    /** On PostgreSQL, what its full-text search finds (one page, newest first); empty on Derby. */
    synchronized Optional<LessonIndex.Hits> find(LessonQuery q) throws SQLException {
        return search == null ? Optional.empty() : Optional.of(search.find(db, q));
    }

    /** The ids of lessons in this state. */
    synchronized List<String> inState(LessonState state) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT id FROM lesson WHERE state = ?")) {
            s.setString(1, state.name());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) ids.add(r.getString(1));
            }
        }
        return ids;
    }

    /**
     * Reads the lessons {@code where} says and their files, chapters, tags and shares ({@code childWhere}),
     * from one query per table ordered by lesson id, merged as they come (no query per lesson).
     */
    private void read(String where, String childWhere, List<String> params, Consumer<Lesson> each) throws SQLException {
        String children = " " + childWhere + " ORDER BY lesson_id, position";
        try (Children f = new Children("SELECT * FROM lesson_file" + children, params);
                Children c = new Children("SELECT * FROM chapter" + children, params);
                Children t = new Children("SELECT * FROM lesson_tag" + children, params);
                Children sh = new Children("SELECT * FROM lesson_share" + children, params);
                PreparedStatement s = db.prepareStatement("SELECT " + LESSON_COLUMNS + " FROM lesson " + where + " ORDER BY id")) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString("id");
                    List<LessonFile> fs = new ArrayList<>();
                    f.of(id, x -> {
                        long offset = x.getLong("start_offset_ms");
                        Long startOffset = x.wasNull() ? null : offset;
                        fs.add(new LessonFile(x.getString("name"), x.getString("role"), x.getString("profile"),
                                x.getString("source"), x.getLong("size_bytes"), startOffset));
                    });
                    List<Chapter> cs = new ArrayList<>();
                    c.of(id, x -> cs.add(new Chapter(x.getLong("at_ms"), x.getString("title"))));
                    List<String> ts = new ArrayList<>();
                    t.of(id, x -> ts.add(x.getString("tag")));
                    List<String> shared = new ArrayList<>();
                    sh.of(id, x -> shared.add(x.getString("user_name")));
                    Integer period = (Integer) r.getObject("period");
                    each.accept(new Lesson(id, r.getString("school"), r.getString("room"), r.getString("teacher"),
                            r.getString("course"), r.getString("school_class"), r.getDate("lesson_date").toLocalDate(),
                            period, r.getString("title"), LessonState.valueOf(r.getString("state")),
                            instant(r, "started"), instant(r, "ended"), (Long) r.getObject("duration_ms"),
                            r.getLong("size_bytes"), fs, cs, ts, r.getBoolean("is_protected"), r.getBoolean("published"),
                            shared, new LessonReview(LessonReview.State.valueOf(r.getString("review_state")),
                                    r.getString("review_reason"), r.getString("review_by"), instant(r, "review_at"))));
                }
            }
        }
    }

    /** A lesson's list of strings (tags, shares) as rows of a child table: lesson id, position, value. */
    private static void strings(PreparedStatement insert, String id, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            insert.setString(1, id);
            insert.setInt(2, i);
            insert.setString(3, values.get(i));
            insert.addBatch();
        }
    }

    /** A child table's rows ordered by lesson id, read along with the lessons. */
    private final class Children implements AutoCloseable {
        interface Row {
            void accept(ResultSet r) throws SQLException;
        }

        private final PreparedStatement s;
        private final ResultSet r;
        private boolean more;

        Children(String sql, List<String> params) throws SQLException {
            s = db.prepareStatement(sql);
            bind(s, params);
            r = s.executeQuery();
            more = r.next();
        }

        /** Hands over the rows of lesson {@code id}, skipping those of lessons before it. */
        void of(String id, Row row) throws SQLException {
            while (more && r.getString("lesson_id").compareTo(id) < 0) more = r.next();
            while (more && r.getString("lesson_id").equals(id)) {
                row.accept(r);
                more = r.next();
            }
        }

        @Override
        public void close() throws SQLException {
            r.close();
            s.close();
        }
    }

    private static void bind(PreparedStatement s, List<String> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) s.setString(i + 1, params.get(i));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
        if (v == null) s.setNull(i, Types.INTEGER);
        else s.setInt(i, v);
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) s.setNull(i, Types.BIGINT);
        else s.setLong(i, v);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
