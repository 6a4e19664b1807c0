package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.DatagramSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.yike.media.MediaInfo;

/**
 * A network camera added through the API: a real RTSP server (rtsp-streaming-server on Node.js,
 * installed by {@code ./yike deps}) on loopback, fed an H.264 + AAC test stream by the bundled
 * ffmpeg. The camera becomes ONLINE, is recorded in resource mode, and its password shows nowhere.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RtspCameraTest extends InYike {

    /** Characters a URL must encode; the server ignores credentials, FFmpeg sends them anyway. */
    private static final String PASSWORD = "Pa55:w@rd/%";

    private final List<Process> processes = new ArrayList<>();

    @After
    public void stopServerAndCamera() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    public void driversDescribeTheirConfigurationForForms() throws Exception {
        Api api = new Api().ready();
        JsonNode rtsp = driver(api.get("drivers").body(), "rtsp");
        assertEquals("org.yike.driver.rtsp.camera", rtsp.get("factoryPid").asText());
        Map<String, JsonNode> attributes = attributes(rtsp);
        assertEquals("string", attributes.get("url").get("type").asText());
        assertTrue(attributes.get("url").get("required").asBoolean());
        assertFalse(attributes.get("url").has("default"));
        assertEquals("password", attributes.get("password").get("type").asText());
        assertFalse(attributes.get("password").has("default"));
        assertEquals(5, attributes.get("timeoutSeconds").get("default").asInt());
        assertEquals("integer", attributes.get("timeoutSeconds").get("type").asText());
        assertEquals("teacher", attributes.get("role").get("options").get(0).get("value").asText());
        assertEquals(List.of("tcp", "udp", "auto"),
                attributes.get("transport").get("options").findValuesAsText("value"));

        JsonNode chinese = driver(api.get("drivers", "Accept-Language", "zh-CN").body(), "rtsp");
        assertEquals("网络摄像机", chinese.get("configuration").get("name").asText());
        assertEquals("密码", attributes(chinese).get("password").get("name").asText());
    }

    @Test
    public void aCameraAddedThroughTheApiIsRecordedAndItsPasswordShowsNowhere() throws Exception {
        Path work = Files.createDirectories(dataFolder().resolve("rtsp"));
        int publish = freePort();
        int clients = freePort();
        startServer(publish, clients, work.resolve("server.log"));
        processes.add(ffmpeg(List.of("-v", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-re", "-f", "lavfi",
                "-i", "sine=frequency=440:sample_rate=48000", "-c:v", "libopenh264", "-b:v", "800k", "-g", "25",
                "-c:a", "aac", "-b:a", "64k", "-f", "rtsp", "-rtsp_transport", "udp",
                "rtsp://127.0.0.1:" + publish + "/classroom301"), work.resolve("camera.log")));
        configureRecording(with(SMALL_PROGRAM, "resourceMode", true));

        Api api = new Api().ready();
        Api.Answer added = api.post("devices", "{\"driver\": \"rtsp\", \"name\": \"Front camera\", \"classroom\": \"301\","
                + " \"role\": \"teacher\", \"config\": {\"url\": \"rtsp://127.0.0.1:" + clients + "/classroom301\","
                + " \"username\": \"teacher\", \"password\": \"" + PASSWORD + "\", \"transport\": \"udp\"}}");
        assertEquals(added.body().toString(), 201, added.status());
        assertNoPassword(added.body());
        String id = added.body().get("id").asText();
        assertEquals("an id made from the name", "front-camera", id);
        assertEquals("TEACHER_CLOSEUP", added.body().at("/sources/0/role").asText());
        assertEquals("rtsp://***@127.0.0.1:" + clients + "/classroom301", added.body().at("/sources/0/uri").asText());

        JsonNode camera = api.awaitState(id, "ONLINE", 30_000);
        assertTrue(camera.get("reason").asText(), camera.get("reason").asText().startsWith("h264 640x360 25 fps, aac"));
        assertNoPassword(api.get("devices").body());

        String lesson = RecordingTest.awaitStart(api, "{\"classroom\": \"301\"}").body().get("id").asText();
        api.awaitRecorded(lesson, 5000); // the lesson tested: 5 s
        JsonNode finished = api.post("recordings/" + lesson + "/stop", "").body();
        assertNoPassword(finished);
        JsonNode resource = null;
        for (JsonNode f : finished.get("files")) if (f.get("kind").asText().equals("resource")) resource = f;
        assertNotNull("the camera's own file: " + finished.get("files"), resource);
        assertEquals("front-camera/video", resource.get("source").asText());
        MediaInfo info = media.probe(Path.of(resource.get("path").asText()));
        assertEquals("h264", info.video().orElseThrow().codec());
        assertEquals(640, info.video().orElseThrow().width());
        assertEquals(360, info.video().orElseThrow().height());
        assertTrue("seconds of it: " + info.durationSeconds(), info.durationSeconds() > 3);
        Path program = Path.of(finished.get("files").get(0).get("path").asText());
        assertFalse("lesson.json has no password", Files.readString(program.resolveSibling("lesson.json")).contains("Pa55"));

        Api.Answer removed = api.delete("devices/" + id);
        assertEquals(removed.body().toString(), 200, removed.status());
        assertNoPassword(removed.body());
        assertNull("gone from the list", api.device(id));
        assertEquals(404, api.delete("devices/" + id).status());
    }

    @Test
    public void aCameraNobodyAnswersIsOfflineWithTheReasonAndNoPassword() throws Exception {
        Api api = new Api().ready();
        int nobody = freePort();
        Api.Answer added = api.post("devices", "{\"driver\": \"rtsp\", \"id\": \"hall-camera\", \"name\": \"Hall\","
                + " \"classroom\": \"302\", \"role\": \"student_wide\", \"config\": {\"url\": \"rtsp://127.0.0.1:" + nobody
                + "/stream1\", \"username\": \"admin\", \"password\": \"" + PASSWORD + "\", \"timeoutSeconds\": 2}}");
        assertEquals(added.body().toString(), 201, added.status());
        assertNoPassword(added.body());

        JsonNode camera = api.awaitState("hall-camera", "OFFLINE", 10_000);
        assertEquals("Connection refused", camera.get("reason").asText());
        assertNoPassword(api.get("devices").body());
        assertEquals("no lesson without a camera online", 409,
                api.post("recordings", "{\"classroom\": \"302\"}").status());

        assertEquals("a device made without a configuration cannot be deleted", 409,
                api.delete("devices/virtual-101").status());
        assertEquals(200, api.delete("devices/hall-camera").status());
    }

    private void startServer(int publish, int clients, Path log) throws Exception {
        Path script = Path.of(System.getProperty("yike.rtspserver"), "server.js");
        assertTrue("no " + script.resolveSibling("node_modules") + ": ./yike deps installs the RTSP server",
                Files.isDirectory(script.resolveSibling("node_modules")));
        int rtp;
        try (DatagramSocket s = new DatagramSocket(0)) {
            rtp = s.getLocalPort() & ~1; // RTP and RTCP take a pair, the even port first
        }
        processes.add(new ProcessBuilder("node", script.toString(), Integer.toString(publish), Integer.toString(clients),
                Integer.toString(rtp)).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null")).start());
        Await.until("the RTSP server listens on " + publish + " (its log: " + log + ")", 10, () -> {
            try (Socket s = new Socket("127.0.0.1", publish)) {
                return true;
            }
        });
    }

    private static JsonNode driver(JsonNode drivers, String id) {
        for (JsonNode d : drivers) if (d.get("id").asText().equals(id)) return d;
        throw new AssertionError("no driver " + id + " in " + drivers);
    }

    private static Map<String, JsonNode> attributes(JsonNode driver) {
        Map<String, JsonNode> attributes = new HashMap<>();
        for (JsonNode a : driver.get("configuration").get("attributes")) attributes.put(a.get("id").asText(), a);
        return attributes;
    }


    private static void assertNoPassword(JsonNode answer) {
        assertFalse(answer.toString(), answer.toString().contains("Pa55"));
    }
}
