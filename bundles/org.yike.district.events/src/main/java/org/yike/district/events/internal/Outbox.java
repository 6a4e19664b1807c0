package org.yike.district.events.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.yike.lib.sql.Rows;

/**
 * The school's outbox in the runtime's database: each event written once with a new id and the next
 * number, read back unsent in that order, marked sent after the broker's ack, pruned when sent long ago.
 * Each call is short and takes a connection from the runtime's pool for itself (none is held: the pool
 * is shared); none waits on the network.
 */
final class Outbox {

    private final DataSource database;
    private long seq;

    Outbox(DataSource database) throws SQLException {
        this.database = database;
        try (Rows db = rows()) {
            seq = db.query("SELECT MAX(seq) FROM outbox_event", r -> r.getLong(1)).get(0);
        }
    }

    private Rows rows() throws SQLException {
        return new Rows(database.getConnection());
    }

    synchronized Envelope add(String topic, String school, JsonNode payload, long occurred) throws SQLException {
        Envelope e = new Envelope(UUID.randomUUID().toString(), school, topic, occurred, payload);
        try (Rows db = rows()) {
            db.update("INSERT INTO outbox_event (event_id, seq, topic, school, payload, occurred) VALUES (?, ?, ?, ?, ?, ?)",
                    e.eventId(), seq + 1, topic, school, payload.toString(), occurred);
        }
        seq++;
        return e;
    }

    /** The first {@code limit} events not yet sent, oldest first. */
    List<Envelope> unsent(int limit) throws SQLException {
        try (Rows db = rows()) {
            return db.query("SELECT event_id, school, topic, occurred, payload FROM outbox_event WHERE sent IS NULL ORDER BY seq"
                    + " FETCH FIRST " + limit + " ROWS ONLY",
                    r -> {
                        try {
                            return new Envelope(r.getString(1), r.getString(2), r.getString(3), r.getLong(4), Envelope.JSON.readTree(r.getString(5)));
                        } catch (IOException e) {
                            throw new SQLException("an outbox row's payload does not read: " + r.getString(1), e);
                        }
                    });
        }
    }

    long unsentCount() throws SQLException {
        try (Rows db = rows()) {
            return db.query("SELECT COUNT(*) FROM outbox_event WHERE sent IS NULL", r -> r.getLong(1)).get(0);
        }
    }

    void sent(String eventId, long at) throws SQLException {
        try (Rows db = rows()) {
            db.update("UPDATE outbox_event SET sent = ? WHERE event_id = ?", at, eventId);
        }
    }

    /** Deletes the events sent before {@code before}; answers how many. */
    int prune(long before) throws SQLException {
        try (Rows db = rows()) {
            return db.update("DELETE FROM outbox_event WHERE sent IS NOT NULL AND sent < ?", before);
        }
    }

}
