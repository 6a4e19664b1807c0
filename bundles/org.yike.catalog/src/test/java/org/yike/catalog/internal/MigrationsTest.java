package org.yike.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The baseline script B10 makes the tables that V1 to V10 made on Derby, and a Derby database made by
 * V1 to V10, as every installation before B10 was, still opens and validates.
 */
public class MigrationsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theBaselineMakesTheSchemaThatV1ToV10Made() throws Exception {
        Path legacyFolder = tmp.getRoot().toPath().resolve("legacy");
        DataSource legacy = CatalogDatabase.derby(legacyFolder);
        migrateAsBeforeTheBaseline(legacy);
        CatalogDatabase fresh = new CatalogDatabase(CatalogDatabase.derby(tmp.getRoot().toPath().resolve("fresh")), 6);
        try {
            List<String> made = schema(fresh);
            assertTrue("the catalog's, the users' and the others' tables: " + made,
                    made.size() > 150 && made.stream().anyMatch(l -> l.startsWith("LESSON_ANALYSIS.")));
            assertEquals(schema(legacy), made);
            assertEquals("a new database starts at the baseline, then what came after it", List.of("10", "11"), applied(fresh));
        } finally {
            fresh.shutdown();
        }

        CatalogDatabase old = new CatalogDatabase(legacy, 6);
        try {
            assertEquals("an existing database keeps what it applied, validates and takes what came after",
                    List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), applied(old));
        } finally {
            old.shutdown();
        }
    }

    /** As the runtime migrated before B10 existed: Flyway sees no baseline script, only V1 to V10. */
    private static void migrateAsBeforeTheBaseline(DataSource derby) {
        Flyway.configure(MigrationsTest.class.getClassLoader()).dataSource(derby).locations("classpath:org/yike/catalog/migration")
                .configuration(Map.of("flyway.baselineMigrationPrefix", "none-")).load().migrate();
    }

    private static List<String> applied(DataSource db) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\"")) {
            while (r.next()) versions.add(r.getString(1));
        }
        return versions;
    }

    /**
     * Every column (position, type, size, nullability, default), primary key, foreign key (with its delete
     * rule) and index (by its columns: Derby names those of constraints itself) of the application's tables.
     */
    private static List<String> schema(DataSource db) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            DatabaseMetaData m = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet r = m.getTables(null, "APP", "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    if (!r.getString("TABLE_NAME").equalsIgnoreCase("flyway_schema_history")) tables.add(r.getString("TABLE_NAME"));
                }
            }
            for (String t : tables) {
                try (ResultSet r = m.getColumns(null, "APP", t, "%")) {
                    while (r.next()) {
                        lines.add(t + "." + r.getInt("ORDINAL_POSITION") + " " + r.getString("COLUMN_NAME") + " " + r.getString("TYPE_NAME")
                                + "(" + r.getInt("COLUMN_SIZE") + ") " + r.getString("IS_NULLABLE") + " default " + r.getString("COLUMN_DEF")
                                + " auto " + r.getString("IS_AUTOINCREMENT"));
                    }
                }
                try (ResultSet r = m.getPrimaryKeys(null, "APP", t)) {
                    while (r.next()) lines.add(t + ".pk " + r.getShort("KEY_SEQ") + " " + r.getString("COLUMN_NAME"));
                }
                try (ResultSet r = m.getImportedKeys(null, "APP", t)) {
                    while (r.next()) {
                        lines.add(t + ".fk " + r.getString("FKCOLUMN_NAME") + " -> " + r.getString("PKTABLE_NAME") + "."
                                + r.getString("PKCOLUMN_NAME") + " on delete " + r.getShort("DELETE_RULE"));
                    }
                }
                try (ResultSet r = m.getIndexInfo(null, "APP", t, false, false)) {
                    while (r.next()) {
                        String name = r.getString("INDEX_NAME");
                        lines.add(t + ".index " + (name.startsWith("SQL") ? "" : name + " ") + (r.getBoolean("NON_UNIQUE") ? "" : "unique ")
                                + r.getShort("ORDINAL_POSITION") + " " + r.getString("COLUMN_NAME"));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
