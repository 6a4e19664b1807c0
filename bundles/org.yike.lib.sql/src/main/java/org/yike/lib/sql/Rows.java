package org.yike.lib.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection's statements: parameters bound in order, rows read into values, work done in one
 * transaction. Not thread-safe: its owner calls it one caller at a time.
 */
public final class Rows implements AutoCloseable {

    /** Reads one row; may fail as the database does. */
    public interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Work against the database, all of it or none in {@link #transaction}. */
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection db;

    public Rows(Connection db) {
        this.db = db;
    }

    /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
    public int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement s = statement(sql, params)) {
            return s.executeUpdate();
        }
    }

    public <T> List<T> query(String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement s = statement(sql, params); ResultSet r = s.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (r.next()) found.add(row.read(r));
            return found;
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * Runs {@code work}, a failure of the database thrown as an {@link IllegalStateException} that says
     * whose database failed ({@code whose}, e.g. "the contests'") and why: callers of a service see no SQL.
     */
    public static <T> T unchecked(String whose, Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException(whose + " database failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement statement(String sql, Object... params) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
