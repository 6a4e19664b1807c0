package org.yike.district.events.internal;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.yike.lib.sql.Rows;

/**
 * The district's tables of the schools' events: each event applied once, its id and its effect (the
 * event kept per school, the school's lesson brought up to date) in one transaction, on a connection
 * of the runtime's pool taken for it.
 */
final class DistrictEvents {

    /** SQL's "unique key violated", as Derby and PostgreSQL both answer it. */
    private static final String DUPLICATE = "23505";

    private final DataSource database;

    DistrictEvents(DataSource database) {
        this.database = database;
    }

    /** Applies the event unless it was applied before; answers whether it was applied now. */
    boolean apply(Envelope e, long streamSeq, long now) throws SQLException {
        try (Rows db = new Rows(database.getConnection())) {
            return db.transaction(() -> {
                if (db.query("SELECT 1 FROM applied_event WHERE event_id = ?", r -> 1, e.eventId()).size() > 0) return false;
                db.update("INSERT INTO applied_event VALUES (?, ?)", e.eventId(), now);
                db.update("INSERT INTO district_event VALUES (?, ?, ?, ?, ?, ?)", e.eventId(), e.school(), e.topic(),
                        e.payload().toString(), e.occurred(), streamSeq);
                lesson(db, e, now);
                return true;
            });
        } catch (SQLException x) {
            if (DUPLICATE.equals(x.getSQLState())) return false;
            throw x;
        }
    }

    /** A finished recording is the school's lesson; a review names its state. */
    private static void lesson(Rows db, Envelope e, long now) throws SQLException {
        switch (e.topic()) {
            case "org/yike/recording/STOPPED" -> upsert(db, e.school(), e.text("recording"), "classroom = ?, finished = ?",
                    new Object[] {e.text("classroom"), e.occurred()},
                    "INSERT INTO district_lesson (school, lesson_id, classroom, finished, updated) VALUES (?, ?, ?, ?, ?)", now);
            case "org/yike/catalog/REVIEWED" -> upsert(db, e.school(), e.text("lesson"), "review_state = ?", new Object[] {e.text("state")},
                    "INSERT INTO district_lesson (school, lesson_id, review_state, updated) VALUES (?, ?, ?, ?)", now);
            default -> { }
        }
    }

    private static void upsert(Rows db, String school, String lesson, String set, Object[] values, String insert, long now) throws SQLException {
        if (lesson == null) return;
        Object[] update = new Object[values.length + 3];
        System.arraycopy(values, 0, update, 0, values.length);
        update[values.length] = now;
        update[values.length + 1] = school;
        update[values.length + 2] = lesson;
        if (db.update("UPDATE district_lesson SET " + set + ", updated = ? WHERE school = ? AND lesson_id = ?", update) > 0) return;
        Object[] row = new Object[values.length + 3];
        row[0] = school;
        row[1] = lesson;
        System.arraycopy(values, 0, row, 2, values.length);
        row[values.length + 2] = now;
        db.update(insert, row);
    }

}
