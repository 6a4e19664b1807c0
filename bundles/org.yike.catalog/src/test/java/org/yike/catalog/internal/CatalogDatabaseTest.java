package org.yike.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.Test;
import org.yike.catalog.fixture.LoopbackPostgres;

/** The runtime's database on PostgreSQL: one that sorts text by language is refused, one by code point used. */
public class CatalogDatabaseTest {

    private final LoopbackPostgres server = LoopbackPostgres.get();

    @Test
    public void aDatabaseSortingByLanguageIsRefusedWithHowToMakeOne() {
        String db = server.newDatabase("TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh-CN'");
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new CatalogDatabase(CatalogDatabase.postgresql(server.url(db), LoopbackPostgres.USER, null), 6));
            assertTrue(refused.getMessage(), refused.getMessage().contains("ICU") && refused.getMessage().contains("LOCALE 'C.UTF-8'"));
        } finally {
            server.dropDatabase(db);
        }
    }

    @Test
    public void aCodePointDatabaseIsMigratedAndSortsAsDerby() throws Exception {
        String db = server.newDatabase("TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'");
        CatalogDatabase database = new CatalogDatabase(CatalogDatabase.postgresql(server.url(db), LoopbackPostgres.USER, null), 6);
        try (Connection c = database.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT x FROM (VALUES ('b'), ('B'), ('a'), ('_'), ('数'), ('Z')) AS t (x) ORDER BY x")) {
            StringBuilder sorted = new StringBuilder();
            while (r.next()) sorted.append(r.getString(1));
            assertEquals("code points, as String.compareTo", "BZ_ab数", sorted.toString());
        } finally {
            database.shutdown();
            server.dropDatabase(db);
        }
    }

    @Test
    public void aUrlNotPostgresIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CatalogDatabase.postgresql("jdbc:derby:/tmp/x", "yike", null));
    }
}
