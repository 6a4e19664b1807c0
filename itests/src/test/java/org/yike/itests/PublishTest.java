package org.yike.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Test;
import org.yike.connector.ftp.fixture.LoopbackFtpServer;

/**
 * The product jar publishing a lesson of the virtual classroom to Apache FtpServer on loopback with
 * one call, then a job queued while the server is down surviving a kill of the runtime and
 * completing, once, after the next start.
 */
public class PublishTest extends ProductJarTest {

    private LoopbackFtpServer ftp;

    @After
    public void stop() {
        if (ftp != null) ftp.close();
    }

    @Test
    public void oneCallPublishesTheNewestLessonAndAQueuedJobSurvivesAKill() throws Exception {
        ftp = new LoopbackFtpServer(data.resolve("ftp"), "none", data.resolve("ftp.p12")).start();
        yike = start();
        Api api = new Api(port, data).ready(60);

        JsonNode types = api.awaitOk("publish/types", 30).body();
        assertTrue(types.toString(), types.toString().contains("\"type\":\"ftp\"") && types.toString().contains("\"password\""));
        Api.Answer target = api.post("publish/targets", "{\"type\": \"ftp\", \"name\": \"district\", \"config\": {\"url\": \""
                + ftp.url("录播") + "\", \"user\": \"" + LoopbackFtpServer.USER + "\", \"password\": \""
                + LoopbackFtpServer.PASSWORD + "\", \"timeoutSeconds\": 5}}");
        assertEquals(target.body().toString(), 201, target.status());
        assertEquals(List.of("password"), List.of(target.body().get("secretsSet").get(0).asText()));
        assertFalse(api.get("publish/targets").body().toString().contains(LoopbackFtpServer.PASSWORD));

        JsonNode lesson = record(api, "数学 第一课");
        Api.Answer queued = api.post("publish/newest", "{\"room\": \"101\", \"target\": \"district\"}");
        assertEquals(queued.body().toString(), 202, queued.status());
        JsonNode job = awaitJob(api, queued.body().get("job").asText(), "done", 60);
        assertEquals(100, job.get("percent").asInt());

        String date = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.systemDefault())
                .format(Instant.parse(lesson.get("started").asText()));
        Path program = ftp.root.resolve("录播/101/" + date + "/数学 第一课.mp4");
        assertArrayEquals(sha256(Path.of(lesson.get("files").get(0).get("path").asText())), sha256(program));
        assertTrue(Files.exists(program.resolveSibling("数学 第一课.json")));

        // the server goes down, a job is queued, and the runtime is killed before the server is back
        ftp.stop();
        Api.Answer again = api.post("lessons/" + lesson.get("id").asText() + "/publish", "{\"target\": \"district\"}");
        assertEquals(again.body().toString(), 202, again.status());
        String id = again.body().get("job").asText();
        awaitJob(api, id, "retrying", 30);
        yike.destroyForcibly().waitFor();
        ftp.start();
        int logBefore = ftp.log.size();
        yike = start();
        api = new Api(port, data).ready(60);
        JsonNode done = awaitJob(api, id, "done", 60);
        assertTrue(done.toString(), done.get("attempts").asInt() >= 2);
        // a second upload after the job is done would be the fault: watched for 3 s, as absence cannot be awaited
        Thread.sleep(3000);
        List<String> after = ftp.log.subList(logBefore, ftp.log.size());
        assertEquals("the program sent once after the restart: " + after, 1,
                after.stream().filter(l -> l.startsWith("STOR ") && l.endsWith(".mp4.part")).count());
        try (Stream<Path> files = Files.list(program.getParent())) {
            assertEquals(List.of("数学 第一课.json", "数学 第一课.mp4"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(sha256(Path.of(lesson.get("files").get(0).get("path").asText())), sha256(program));

        for (Path f : List.of(data.resolve("yike.log"))) {
            assertFalse("no password in " + f, Files.readString(f).contains(LoopbackFtpServer.PASSWORD));
        }
        try (Stream<Path> stored = Files.walk(data.resolve("config"))) {
            for (Path f : stored.filter(Files::isRegularFile).toList()) {
                assertFalse("no password in " + f, Files.readString(f).contains(LoopbackFtpServer.PASSWORD));
            }
        }
    }

    /** Records a few seconds of the virtual classroom 101; answers the finished lesson. */
    private static JsonNode record(Api api, String title) throws Exception {
        Api.Answer started = Await.until("a lesson started", 10,
                () -> api.post("recordings", "{\"classroom\": \"101\", \"title\": \"" + title + "\"}"), a -> a.status() == 201);
        String id = started.body().get("id").asText();
        api.awaitRecorded(id, 4000); // a lesson of 4 s to publish
        Api.Answer stopped = api.post("recordings/" + id + "/stop", "");
        assertEquals(stopped.body().toString(), 200, stopped.status());
        return stopped.body();
    }

    private static JsonNode awaitJob(Api api, String id, String state, int seconds) throws Exception {
        return Await.until("job " + id + " " + state, seconds, () -> api.get("publish/jobs/" + id).body(),
                job -> job.path("state").asText().equals(state));
    }

    /** The product jar on the test's data folder; its configuration (the target included) in the data folder. */
    private Process start() throws IOException {
        // Felix's config files hold a double as the long of its bits
        InYike.configFile(data, "org.yike.publish", "retryFirstSeconds=D\"" + Double.doubleToLongBits(0.5) + "\"",
                "retryLongestSeconds=D\"" + Double.doubleToLongBits(1.0) + "\"");
        return InYike.productJar(data, port);
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
