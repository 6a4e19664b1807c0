package org.yike.selection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yike.api.selection.Assignment;
import org.yike.api.selection.Contest;
import org.yike.api.selection.Entry;
import org.yike.api.selection.Judge;
import org.yike.api.selection.NewContest;
import org.yike.api.selection.Score;
import org.yike.lib.sql.Rows;

/** The contests' rows in the runtime's database (the catalog's migrations make the tables). One connection, one caller at a time. */
final class ContestStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Rows db;

    ContestStore(DataSource database) throws SQLException {
        db = new Rows(database.getConnection());
    }

    synchronized void insert(Contest c) throws SQLException {
        update("INSERT INTO contest VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.name(), json(c.rounds()), c.threshold(),
                c.maxScore(), c.round(), c.closed(), c.created().toEpochMilli(), c.createdBy());
    }

    synchronized void advance(String contest, int round, boolean closed) throws SQLException {
        update("UPDATE contest SET current_round = ?, closed = ? WHERE id = ?", round, closed, contest);
    }

    synchronized List<Contest> contests(String id) throws SQLException {
        return query("SELECT * FROM contest" + (id == null ? " ORDER BY created DESC, id" : " WHERE id = ?"), r -> new Contest(
                r.getString("id"), r.getString("name"), rounds(r.getString("rounds")), r.getDouble("threshold"),
                r.getDouble("max_score"), r.getInt("current_round"), r.getBoolean("closed"),
                Instant.ofEpochMilli(r.getLong("created")), r.getString("created_by")), id == null ? new Object[0] : new Object[] {id});
    }

    synchronized void insert(Entry e, String course, String schoolClass, int position) throws SQLException {
        update("INSERT INTO contest_entry VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.contest(), e.round(), e.lesson(),
                e.school(), e.teacher(), e.title(), course, schoolClass, e.nominated().toEpochMilli(), position);
    }

    /** A round's entries in the order they came in, each with its course and class for the judges. */
    synchronized List<Stored> entries(String contest, int round) throws SQLException {
        return query("SELECT * FROM contest_entry WHERE contest_id = ? AND round = ? ORDER BY position",
                r -> new Stored(new Entry(r.getString("id"), r.getString("contest_id"), r.getInt("round"), r.getString("lesson_id"),
                        r.getString("school"), r.getString("teacher"), r.getString("title"), Instant.ofEpochMilli(r.getLong("nominated"))),
                        r.getString("course"), r.getString("school_class")), contest, round);
    }

    /** An entry and what its judges see of the lesson. */
    record Stored(Entry entry, String course, String schoolClass) {
    }

    synchronized void judges(String contest, int round, List<Judge> judges) throws SQLException {
        for (Judge j : judges) {
            update("DELETE FROM contest_judge WHERE contest_id = ? AND round = ? AND judge = ?", contest, round, j.name());
            update("INSERT INTO contest_judge VALUES (?, ?, ?, ?)", contest, round, j.name(), j.school());
        }
    }

    synchronized List<Judge> judges(String contest, int round) throws SQLException {
        return query("SELECT judge, school FROM contest_judge WHERE contest_id = ? AND round = ? ORDER BY judge",
                r -> new Judge(r.getString(1), r.getString(2)), contest, round);
    }

    synchronized void insert(Assignment a, int position) throws SQLException {
        update("INSERT INTO contest_assignment VALUES (?, ?, ?, ?)", a.entry(), a.judge(), a.third(), position);
    }

    /** Every assignment of the round's entries, by entry and then in the order given. */
    synchronized List<Assignment> assignments(String contest, int round) throws SQLException {
        return query("SELECT a.entry_id, a.judge, a.third FROM contest_assignment a JOIN contest_entry e ON a.entry_id = e.id"
                + " WHERE e.contest_id = ? AND e.round = ? ORDER BY e.position, a.position",
                r -> new Assignment(r.getString(1), r.getString(2), r.getBoolean(3)), contest, round);
    }

    /** Keeps the judge's score of an entry, replacing one they gave before. */
    synchronized void put(Score s) throws SQLException {
        update("DELETE FROM contest_score WHERE entry_id = ? AND judge = ?", s.entry(), s.judge());
        update("INSERT INTO contest_score VALUES (?, ?, ?, ?, ?)", s.entry(), s.judge(), s.score(), s.comment(),
                s.at().toEpochMilli());
    }

    /** Every score of the round's entries, by entry and then as the judges were assigned. */
    synchronized List<Score> scores(String contest, int round) throws SQLException {
        return query("SELECT s.entry_id, s.judge, s.score, s.comment, s.scored, a.third FROM contest_score s"
                + " JOIN contest_entry e ON s.entry_id = e.id JOIN contest_assignment a ON a.entry_id = s.entry_id AND a.judge = s.judge"
                + " WHERE e.contest_id = ? AND e.round = ? ORDER BY e.position, a.position",
                r -> new Score(r.getString(1), r.getString(2), r.getDouble(3), r.getString(4), Instant.ofEpochMilli(r.getLong(5)),
                        r.getBoolean(6)), contest, round);
    }

    /** The comments given on a lesson's entries in the contest, round by round. */
    synchronized List<String> comments(String contest, String lesson) throws SQLException {
        return query("SELECT s.comment FROM contest_score s JOIN contest_entry e ON s.entry_id = e.id"
                + " WHERE e.contest_id = ? AND e.lesson_id = ? AND s.comment IS NOT NULL AND s.comment <> ''"
                + " ORDER BY e.round, s.scored", r -> r.getString(1), contest, lesson);
    }

    /** Runs {@code work} in one transaction: all of it, or none. */
    synchronized <T> T transaction(Rows.Work<T> work) throws SQLException {
        return db.transaction(work);
    }

    private void update(String sql, Object... params) throws SQLException {
        db.update(sql, params);
    }

    private <T> List<T> query(String sql, Rows.Row<T> row, Object... params) throws SQLException {
        return db.query(sql, row, params);
    }

    private static String json(List<NewContest.Round> rounds) {
        try {
            return JSON.writeValueAsString(rounds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the rounds " + rounds, e);
        }
    }

    private static List<NewContest.Round> rounds(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<List<NewContest.Round>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("a contest's rounds do not read: " + json, e);
        }
    }

    Optional<Contest> contest(String id) throws SQLException {
        return contests(id).stream().findFirst();
    }

    @Override
    public synchronized void close() {
        db.close();
    }
}
