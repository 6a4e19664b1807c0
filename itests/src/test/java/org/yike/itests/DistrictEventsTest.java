package org.yike.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * A recorded lesson's end goes from the school to the district through the outbox and a real
 * JetStream (Debian's nats-server, started here on loopback): this runtime is both the school (its
 * uplink) and the district (its inbox, a durable consumer), and the lesson shows in the district's
 * table of lessons with its classroom, once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DistrictEventsTest extends InYike {

    @Inject
    BundleContext context;

    @Test
    public void aRecordedLessonReachesTheDistrict() throws Exception {
        int port = freePort();
        Path store = Files.createTempDirectory(dataFolder().getParent(), "nats-");
        Process broker = new ProcessBuilder(natsServer(), "-a", "127.0.0.1", "-p", Integer.toString(port), "-js", "-sd",
                store.toString()).redirectErrorStream(true).redirectOutput(store.resolve("server.log").toFile()).start();
        try {
            Await.until("nats-server listening", 15, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                }
            });
            String url = "nats://127.0.0.1:" + port;
            configure("org.yike.district.uplink", Map.of("enabled", true, "school", "school-a", "servers", url,
                    "maxBackOffSeconds", 1));
            // the inbox offers no service to wait for: its effect in the database is what the test waits on
            configurations.getConfiguration("org.yike.district.inbox", "?").update(new Hashtable<>(Map.of("enabled", true,
                    "servers", url, "maxBackOffSeconds", 1)));

            Api api = new Api().ready();
            String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\"}").body().get("id").asText();
            api.awaitRecorded(id, 2000);
            assertEquals(200, api.post("recordings/" + id + "/stop", "").status());

            String classroom = Await.until("lesson " + id + " at the district", 30, () -> lessonAtDistrict(id),
                    Optional::isPresent).orElseThrow();
            assertEquals("101", classroom);
            assertEquals(1, count("SELECT COUNT(*) FROM district_event WHERE topic = 'org/yike/recording/STOPPED'"
                    + " AND payload LIKE ?", "%" + id + "%"));
        } finally {
            configurations.getConfiguration("org.yike.district.uplink", "?").delete();
            configurations.getConfiguration("org.yike.district.inbox", "?").delete();
            broker.destroy();
            broker.waitFor();
        }
    }

    private Optional<String> lessonAtDistrict(String id) throws Exception {
        try (Connection c = database().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT classroom FROM district_lesson WHERE school = 'school-a' AND lesson_id = ? AND finished IS NOT NULL")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private long count(String sql, String param) throws Exception {
        try (Connection c = database().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The runtime's database, where both the outbox and the district's tables are. */
    private DataSource database() throws Exception {
        return context.getService(context.getServiceReferences(DataSource.class, "(yike.database=catalog)").iterator().next());
    }

    /** Debian's nats-server, which ./yike test installs. */
    private static String natsServer() {
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/usr/local/bin"}) {
            if (new File(dir, "nats-server").canExecute()) return dir + "/nats-server";
        }
        throw new IllegalStateException("no nats-server: ./yike test installs it (Debian's nats-server)");
    }
}
