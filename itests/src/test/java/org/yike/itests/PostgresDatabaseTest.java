package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.yike.catalog.fixture.LoopbackPostgres;

/**
 * The runtime switched to PostgreSQL by its configuration (a new database on the tests' loopback
 * server): the database is migrated and offered in place of Derby, a recorded lesson is catalogued and
 * found there (its words in PostgreSQL's full text too), and a user added through the API is kept there.
 * Proves pgjdbc, HikariCP and Flyway's PostgreSQL support (its own scripts' folder too) inside the
 * catalog's bundle in Felix.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresDatabaseTest extends InYike {

    private static final String URL = "yike.itest.postgresql.url";

    /** The server runs beside the framework, started before it; its URL reaches the test as a property. */
    @Override
    @Configuration
    public Option[] config() {
        LoopbackPostgres server = LoopbackPostgres.get();
        return OptionUtils.combine(super.config(), systemProperty(URL).value(server.url(server.newDatabase())));
    }

    @Test
    public void theRuntimeKeepsItsLessonsAndUsersInPostgres() throws Exception {
        configure("org.yike.catalog.database", Map.of("engine", "postgresql", "url", System.getProperty(URL), "user",
                LoopbackPostgres.USER));
        assertEquals("PostgreSQL", Await.value("the runtime's database on PostgreSQL", 30,
                () -> query("SELECT 'PostgreSQL' WHERE version() LIKE 'PostgreSQL%'")));

        configureRecording(SMALL_PROGRAM);
        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\", \"title\": \"物理 欧姆定律\"}").body().get("id").asText();
        api.awaitRecorded(id, 2000);
        assertEquals(200, api.post("recordings/" + id + "/stop", "").status());
        Await.until("lesson " + id + " in the catalog as finished", 15,
                () -> api.get("lessons/" + id).body().path("state").asText().equals("finished"));
        JsonNode found = api.get("lessons?q=" + URLEncoder.encode("欧姆", StandardCharsets.UTF_8)).body();
        assertTrue(found.toString(), found.get("items").findValuesAsText("id").contains(id));
        assertEquals("the catalog's row is PostgreSQL's", id, query("SELECT id FROM lesson WHERE id = ?", id));
        assertEquals("its words in PostgreSQL's full text", id, query("SELECT lesson_id FROM lesson_search"
                + " WHERE pairs @@ '''欧姆'''::tsquery AND lesson_id = ?", id));

        AccessTest.user(api, "zhao", "赵老师", "teacher", "实验中学", "zhao-secret-1");
        assertEquals("赵老师", query("SELECT display_name FROM yike_user WHERE name = ?", "zhao"));
    }

    /** The first column of the first row that the runtime's database answers; null when none. */
    private static String query(String sql, Object... params) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(PostgresDatabaseTest.class).getBundleContext();
        ServiceReference<DataSource> ref = context.getServiceReferences(DataSource.class, "(yike.database=catalog)").stream()
                .findFirst().orElse(null);
        if (ref == null) return null;
        try (Connection c = context.getService(ref).getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) s.setObject(i + 1, params[i]);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            } finally {
                context.ungetService(ref);
            }
        }
    }
}
