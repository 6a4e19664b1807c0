package org.yike.catalog.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonPage;
import org.yike.api.catalog.LessonQuery;

/**
 * The catalog's search in PostgreSQL's full text (table {@code lesson_search}, GIN indexes): the same
 * tokens as {@link LessonIndex}'s, made by the same analysers in Java and stored as {@code tsvector}s
 * (a lexeme literal each, so PostgreSQL's own parsers and its locale play no part), asked the same way:
 * each part of the words asked matches when all its segmenter words are among the lesson's words, or its
 * character pairs stand in a row among the lesson's pairs ({@code <1>}, PostgreSQL's phrase operator).
 * The same queries find the same lessons, with the same facets, as Lucene (PostgresSearchTest); they come
 * newest first, not by Lucene's relevance. The catalog searches here where its database is PostgreSQL.
 */
final class PostgresSearch {

    /** The lesson table's column of each facet. */
    private static final Map<String, String> FACET_COLUMNS = Map.of("room", "room", "teacher", "teacher", "course", "course",
            "class", "school_class", "state", "state", "review", "review_state");
    /** Between two texts of a lesson, so a phrase never spans two: more than one position is enough. */
    private static final int GAP = 10;
    /** PostgreSQL keeps at most this many positions of a lexeme. */
    private static final int MAX_POSITIONS = 256;

    private final ChineseAnalyzers analyzers = new ChineseAnalyzers();

    /** A lesson's words and character pairs, each as a {@code tsvector} literal. */
    record Vectors(String words, String pairs) {
    }

    Vectors vectors(Lesson l) {
        Map<String, List<Integer>> words = new TreeMap<>();
        Map<String, List<Integer>> pairs = new TreeMap<>();
        int start = 1; // tsvector positions count from 1
        for (String text : LessonIndex.texts(l)) {
            ChineseAnalyzers.tokens(analyzers.words, text).forEach(t -> words.putIfAbsent(t.text(), List.of()));
            int last = start;
            for (ChineseAnalyzers.Token t : ChineseAnalyzers.tokens(analyzers.indexedPairs, text)) {
                List<Integer> at = pairs.computeIfAbsent(t.text(), x -> new ArrayList<>());
                if (at.size() < MAX_POSITIONS) at.add(start + t.position());
                last = Math.max(last, start + t.position());
            }
            start = last + GAP;
        }
        return new Vectors(vector(words), vector(pairs));
    }

    private static String vector(Map<String, List<Integer>> lexemes) {
        StringBuilder v = new StringBuilder();
        lexemes.forEach((lexeme, positions) -> {
            if (v.length() > 0) v.append(' ');
            v.append(quoted(lexeme));
            for (int i = 0; i < positions.size(); i++) v.append(i == 0 ? ':' : ',').append(positions.get(i));
        });
        return v.toString();
    }

    /** A lexeme as tsvector's and tsquery's input read it literally. */
    private static String quoted(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** One page of the lessons {@code q} finds, newest first, and how many in all; no facets. */
    LessonIndex.Hits find(Connection db, LessonQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (q.q() != null) {
            for (String part : q.q().strip().split("\\s+")) matching(part, where, params);
        }
        exactly(where, params, "room", q.room());
        exactly(where, params, "teacher", q.teacher());
        exactly(where, params, "course", q.course());
        exactly(where, params, "school_class", q.schoolClass());
        exactly(where, params, "state", q.state() == null ? null : q.state().name());
        exactly(where, params, "review_state", q.review() == null ? null : q.review().name());
        if (q.reader() != null) {
            where.append(" AND (FALSE");
            if (q.reader().teacher() != null) {
                where.append(" OR teacher = ?");
                params.add(q.reader().teacher());
            }
            if (q.reader().user() != null) {
                where.append(" OR EXISTS (SELECT 1 FROM lesson_share sh WHERE sh.lesson_id = id AND sh.user_name = ?)");
                params.add(q.reader().user());
            }
            where.append(")");
        }
        if (q.from() != null) {
            where.append(" AND lesson_date >= ?");
            params.add(Date.valueOf(q.from()));
        }
        if (q.to() != null) {
            where.append(" AND lesson_date <= ?");
            params.add(Date.valueOf(q.to()));
        }
        String from = " FROM lesson JOIN lesson_search ON lesson_id = id" + where;
        long total;
        try (PreparedStatement s = statement(db, "SELECT COUNT(*)" + from, params); ResultSet r = s.executeQuery()) {
            r.next();
            total = r.getLong(1);
        }
        List<Object> paged = new ArrayList<>(params);
        paged.add((long) q.page() * q.size());
        paged.add(q.size());
        List<String> ids = new ArrayList<>();
        // newest first, as the index sorts: started, or a scheduled lesson's day
        try (PreparedStatement s = statement(db, "SELECT id" + from
                + " ORDER BY COALESCE(started, (lesson_date - DATE '1970-01-01') * 86400000::bigint) DESC, id"
                + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", paged); ResultSet r = s.executeQuery()) {
            while (r.next()) ids.add(r.getString(1));
        }
        return new LessonIndex.Hits(total, ids, total == 0 ? Map.of() : facets(db, from, params));
    }

    /**
     * The values of each facet among all the lessons found, most first and then in code point order, as
     * Lucene counts them (the database sorts by code point, which the catalog requires of it).
     */
    private static Map<String, List<LessonPage.Facet>> facets(Connection db, String from, List<Object> params) throws SQLException {
        Map<String, List<LessonPage.Facet>> facets = new LinkedHashMap<>();
        for (String facet : LessonPage.FACETS) {
            String column = FACET_COLUMNS.get(facet);
            List<LessonPage.Facet> values = new ArrayList<>();
            try (PreparedStatement s = statement(db, "SELECT " + column + ", COUNT(*)" + from + " AND " + column + " <> ''"
                    + " GROUP BY " + column + " ORDER BY COUNT(*) DESC, " + column + " FETCH FIRST " + LessonIndex.FACET_VALUES
                    + " ROWS ONLY", params); ResultSet r = s.executeQuery()) {
                while (r.next()) values.add(new LessonPage.Facet(r.getString(1), r.getLong(2)));
            }
            facets.put(facet, values);
        }
        return facets;
    }

    /** One part of the words asked: all its words, or its pairs in a row; nothing when it has neither. */
    private void matching(String part, StringBuilder where, List<Object> params) {
        List<String> words = ChineseAnalyzers.tokens(analyzers.words, part).stream().map(t -> quoted(t.text())).toList();
        List<ChineseAnalyzers.Token> pairs = ChineseAnalyzers.tokens(analyzers.askedPairs, part);
        if (words.isEmpty() && pairs.isEmpty()) return;
        List<String> either = new ArrayList<>();
        if (!words.isEmpty()) {
            either.add("lesson_search.words @@ ?::tsquery");
            params.add(String.join(" & ", new TreeSet<>(words)));
        }
        if (!pairs.isEmpty()) {
            StringBuilder phrase = new StringBuilder(quoted(pairs.get(0).text()));
            for (int i = 1; i < pairs.size(); i++) {
                phrase.append(" <").append(pairs.get(i).position() - pairs.get(i - 1).position()).append("> ")
                        .append(quoted(pairs.get(i).text()));
            }
            either.add("lesson_search.pairs @@ ?::tsquery");
            params.add(phrase.toString());
        }
        where.append(" AND (").append(String.join(" OR ", either)).append(")");
    }

    private static void exactly(StringBuilder where, List<Object> params, String column, String value) {
        if (value == null || value.isBlank()) return;
        where.append(" AND ").append(column).append(" = ?");
        params.add(value);
    }

    private static PreparedStatement statement(Connection db, String sql, List<Object> params) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) s.setObject(i + 1, params.get(i));
        return s;
    }
}
