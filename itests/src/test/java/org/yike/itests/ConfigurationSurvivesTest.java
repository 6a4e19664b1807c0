package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Test;
import org.yike.media.MediaInfo;
import org.yike.media.Probe;

/**
 * The product jar started the README's way (data folder and port, nothing else): a camera, a
 * publishing target, a classroom's strategy and a profile change made through the API survive a
 * {@code kill -9} within 100 ms of the last answer, and the camera records after the next start.
 * The configuration exported then (passwords sealed) sets up an empty data folder in one import.
 */
public class ConfigurationSurvivesTest extends ProductJarTest {

    private static final String CAMERA_PASSWORD = "cam-Secret-301";
    private static final String FTP_PASSWORD = "ftp-Secret-301";
    private static final String PASSPHRASE = "school replaced 2026";
    private GstRtsp gst;
    private Process replacement;

    @After
    public void stopServers() {
        if (gst != null) gst.close();
        if (replacement != null) replacement.destroyForcibly();
    }

    @Test
    public void configurationMadeThroughTheApiSurvivesAKillAndTheCameraRecords() throws Exception {
        gst = new GstRtsp(data.resolve("gst"));
        int rtspPort = InYike.freePort();
        gst.serve("camera", rtspPort, "yike:" + CAMERA_PASSWORD, "/room301=" + gst.clip("room301", "h264", "aac", 60) + ":h264:aac");
        yike = start(data, port);
        Api api = new Api(port, data).ready(60);
        String[] admin = {"Authorization", "Bearer " + Files.readString(data.resolve("admin.token")).trim()};
        api.awaitOk("publish/types", 30);

        Api.Answer camera = api.post("devices", "{\"driver\": \"rtsp\", \"id\": \"cam301\", \"name\": \"Room 301\", \"classroom\": \"301\","
                + " \"role\": \"teacher\", \"config\": {\"url\": \"rtsp://127.0.0.1:" + rtspPort + "/room301\", \"username\": \"yike\","
                + " \"password\": \"" + CAMERA_PASSWORD + "\"}}");
        assertEquals(camera.body().toString(), 201, camera.status());
        Api.Answer target = api.post("publish/targets", "{\"type\": \"ftp\", \"name\": \"district\", \"config\": {\"url\":"
                + " \"ftp://127.0.0.1:2121/录播\", \"user\": \"yike\", \"password\": \"" + FTP_PASSWORD + "\"}}");
        assertEquals(target.body().toString(), 201, target.status());
        Api.Answer strategy = api.patch("config/org.yike.recording", "{\"directors\": [\"301=patrol\"]}", admin);
        assertEquals(strategy.body().toString(), 200, strategy.status());
        // the profile: a small program in one profile, so a busy machine keeps up
        Api.Answer profile = api.patch("config/org.yike.recording", "{\"width\": 640, \"height\": 360, \"videoKbps\": 500,"
                + " \"liveKbps\": 0, \"mobileKbps\": 0}", admin);
        long answered = System.nanoTime();
        yike.destroyForcibly(); // SIGKILL: nothing runs on the way out
        long killedAfter = (System.nanoTime() - answered) / 1_000_000;
        assertEquals(profile.body().toString(), 200, profile.status());
        assertTrue("killed " + killedAfter + " ms after the last answer", killedAfter <= 100);
        yike.waitFor();

        yike = start(data, port);
        api = new Api(port, data).ready(60);
        api.awaitOk("publish/types", 30);
        assertConfigured(api, admin);

        // the camera records, directed by its classroom's strategy, at the changed profile
        api.awaitState("cam301", "ONLINE", 30_000);
        Api.Answer started = api.post("recordings", "{\"classroom\": \"301\", \"title\": \"配置\"}");
        assertEquals(started.body().toString(), 201, started.status());
        String id = started.body().get("id").asText();
        awaitRecordedSeconds(api, id, 6); // the lesson's clock starts once the camera's first picture is there
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        MediaInfo info = new Probe(data.resolve("native/linux-x86_64/ffprobe"))
                .probe(Path.of(lesson.get("files").get(0).get("path").asText()));
        assertEquals(640, info.video().orElseThrow().width());
        assertTrue("recorded " + info.durationSeconds() + " s", info.durationSeconds() >= 2);
        List<String> strategies = new ArrayList<>();
        api.get("recordings/" + id + "/timeline").body().get("decisions").forEach(d -> strategies.add(d.get("strategy").asText()));
        assertTrue("directed by patrol: " + strategies, strategies.contains("patrol"));

        // the replaced box: the export, its passwords sealed, set up an empty data folder
        assertEquals(401, api.anonymous().get("config/export").status());
        Api.Answer export = api.get("config/export", "Yike-Passphrase", PASSPHRASE, admin[0], admin[1]);
        assertEquals(200, export.status());
        assertFalse("no password in clear", export.body().toString().contains(CAMERA_PASSWORD)
                || export.body().toString().contains(FTP_PASSWORD));
        Path file = Files.writeString(data.resolve("school.json"), export.body().toString());
        Path newBox = data.resolveSibling(getClass().getSimpleName() + "-replacement");
        InYike.forgetConfiguration(newBox);
        // a configuration left from an older driver, whose width is no longer a number: listed with the reason, the start goes on
        InYike.configFile(newBox, "org.yike.driver.virtual.classroom~old", "service.factoryPid=\"org.yike.driver.virtual.classroom\"",
                "id=\"old-102\"", "classroom=\"102\"", "width=\"wide\"");
        int newPort = InYike.freePort();
        replacement = start(newBox, newPort);
        Api replaced = new Api(newPort, newBox).ready(60);
        replaced.awaitOk("publish/types", 30);
        String[] newAdmin = {"Authorization", "Bearer " + Files.readString(newBox.resolve("admin.token")).trim()};
        JsonNode stale = replaced.awaitDevice("id", "old-102");
        assertNotNull("the stale configuration is listed: " + replaced.get("devices").body(), stale);
        assertTrue(stale.toString(), !stale.get("state").asText().equals("ONLINE") && stale.get("reason").asText().contains("width"));
        JsonNode before = replaced.get("devices").body();
        Api.Answer wrong = replaced.post("config/import", file, "application/json", "Yike-Passphrase", "not the passphrase", newAdmin[0], newAdmin[1]);
        assertEquals(wrong.body().toString(), 400, wrong.status());
        assertEquals("a refused import changes nothing", before.size(), replaced.get("devices").body().size());
        assertEquals("[]", replaced.get("publish/targets").body().toString());
        Api.Answer imported = replaced.post("config/import", file, "application/json", "Yike-Passphrase", PASSPHRASE, newAdmin[0], newAdmin[1]);
        assertEquals(imported.body().toString(), 200, imported.status());
        assertConfigured(replaced, newAdmin);
        replaced.awaitState("cam301", "ONLINE", 30_000); // its password opened and in use
    }

    /** The four things configured before the kill are there. */
    private static void assertConfigured(Api api, String[] admin) throws Exception {
        JsonNode camera = api.awaitDevice("id", "cam301");
        assertNotNull("the camera is back: " + api.get("devices").body(), camera);
        assertEquals("301", camera.get("classroom").asText());
        JsonNode targets = api.get("publish/targets").body();
        assertEquals(targets.toString(), "district", targets.get(0).get("name").asText());
        assertEquals(targets.toString(), "password", targets.get(0).get("secretsSet").get(0).asText());
        JsonNode recording = api.get("config/org.yike.recording", admin).body().get("values");
        assertEquals(recording.toString(), "301=patrol", recording.get("directors").get(0).asText());
        assertEquals(recording.toString(), 640, recording.get("width").asInt());
        assertEquals(recording.toString(), 500, recording.get("videoKbps").asInt());
    }

    private static void awaitRecordedSeconds(Api api, String id, int seconds) throws Exception {
        Await.until("recording " + id + " ran " + seconds + " s", seconds + 20, () -> {
            JsonNode r = api.get("recordings/" + id).body();
            return r.hasNonNull("started") && Duration.between(Instant.parse(r.get("started").asText()), Instant.now()).toSeconds() >= seconds;
        });
    }

    /** The product jar as the README starts it: only the data folder and the port. */
    private static Process start(Path data, int port) throws IOException {
        return InYike.launch(data, "-Dyike.data=" + data, "-Dyike.http.port=" + port).start();
    }
}
