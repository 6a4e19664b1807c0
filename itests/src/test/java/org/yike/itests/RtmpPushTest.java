package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Test;
import org.yike.connector.rtmp.fixture.LoopbackRtmpServer;
import org.yike.media.MediaInfo;
import org.yike.media.Probe;

/**
 * The product jar pushing the live profile of the virtual classroom's lessons to Debian's nginx with
 * the RTMP module on loopback, whose {@code record all} keeps what arrives: the stream plays and
 * lasts from the push's start at the live edge to the lesson's end; nginx killed mid-lesson and started again, the push comes back by
 * itself and the lesson's own program has no gap. The stream key appears in no answer, log or file of Yike's.
 */
public class RtmpPushTest extends ProductJarTest {

    private static final String KEY = "k3y-" + Long.toHexString(System.nanoTime());

    private final int rtmpPort = InYike.freePort();
    private LoopbackRtmpServer nginx;

    @After
    public void stop() throws InterruptedException {
        if (nginx != null) nginx.close();
    }

    @Test
    public void theLiveProfileIsPushedWhileTheRoomRecordsAndComesBackAfterTheServerDoes() throws Exception {
        ModuleFixtures.delete(data);
        nginx = new LoopbackRtmpServer(data.resolve("nginx"), rtmpPort);
        yike = start();
        Api api = new Api(port, data).ready(60);
        Probe probe = new Probe(data.resolve("native/linux-x86_64/ffprobe"));

        // the connectors register a moment after the API answers
        Api.Answer target = Await.until("the rtmp connector takes a target", 10, () -> api.post("publish/targets",
                "{\"type\": \"rtmp\", \"name\": \"live101\", \"config\": {\"url\": \"rtmp://127.0.0.1:" + rtmpPort
                        + "/live\", \"room\": \"101\", \"key\": \"" + KEY + "\", \"timeoutSeconds\": 3}}"), a -> a.status() != 404);
        assertEquals(target.body().toString(), 201, target.status());
        assertTrue(awaitStatus(api, "idle", 10).contains("101"));

        // one lesson, pushed from its start to its end
        String first = startLesson(api);
        awaitStatus(api, "pushing", 30);
        long pushing = System.nanoTime();
        api.awaitRecordedMore(first, 6000); // the lesson tested: 6 s pushed
        JsonNode lesson = stopLesson(api, first);
        double pushedSeconds = (System.nanoTime() - pushing) / 1e9;
        awaitStatus(api, "ended", 30);
        List<Path> pushed = Await.until("nginx closed the stream's file", 10, nginx::recorded,
                f -> !f.isEmpty() && f.stream().allMatch(LoopbackRtmpServer::closed));
        assertEquals(pushed.toString(), 1, pushed.size());
        MediaInfo program = probe.probe(Path.of(lesson.get("files").get(0).get("path").asText()));
        MediaInfo live = probe.probe(pushed.get(0));
        assertEquals("h264", live.video().orElseThrow().codec());
        assertEquals("aac", live.audio().orElseThrow().codec());
        // from the live edge: what the lesson recorded before the push began is not in the stream
        assertEquals("the stream lasts from the push's start to the lesson's end", pushedSeconds, live.durationSeconds(), 1.0);
        assertTrue("no more than the lesson's program", live.durationSeconds() <= program.durationSeconds() + 0.5);

        // another, with the server killed in the middle and started again
        String second = startLesson(api);
        awaitStatus(api, "pushing", 30);
        // the lesson tested: 3 s pushed, the server away 2 s after the push noticed, 4 s pushed again
        api.awaitRecordedMore(second, 3000);
        nginx.close();
        awaitStatus(api, "reconnecting", 30);
        api.awaitRecordedMore(second, 2000);
        nginx = new LoopbackRtmpServer(data.resolve("nginx"), rtmpPort);
        awaitStatus(api, "pushing", 60);
        api.awaitRecordedMore(second, 4000);
        JsonNode interrupted = stopLesson(api, second);
        awaitStatus(api, "ended", 30);
        // the killed server's file is never closed; the resumed one is
        List<Path> after = Await.until("nginx closed the resumed stream's file", 10, () -> {
            List<Path> files = nginx.recorded();
            files.removeAll(pushed);
            return files;
        }, f -> !f.isEmpty() && LoopbackRtmpServer.closed(f.get(f.size() - 1)));
        assertEquals("a stream before the kill and one after it: " + after, 2, after.size());
        MediaInfo resumed = probe.probe(after.get(1));
        assertTrue("the push resumed: " + resumed.durationSeconds() + " s", resumed.durationSeconds() > 2);
        assertEquals("h264", resumed.video().orElseThrow().codec());
        MediaInfo whole = probe.probe(Path.of(interrupted.get("files").get(0).get("path").asText()));
        assertEquals("the lesson's program has no gap", 0.04, whole.largestVideoGap(), 0.001);
        assertTrue("the lesson's program runs on through the outage: " + whole.durationSeconds(), whole.durationSeconds() > 10);

        String listed = api.get("publish/targets").body().toString();
        assertFalse(listed, listed.contains(KEY));
        assertTrue(listed, listed.contains("\"secretsSet\":[\"key\"]"));
        List<Path> ours;
        try (Stream<Path> files = Files.walk(data)) {
            ours = files.filter(Files::isRegularFile).filter(f -> !f.startsWith(data.resolve("nginx")) && !f.startsWith(data.resolve("native")))
                    .filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".json") || f.toString().endsWith(".config"))
                    .toList();
        }
        assertTrue(ours.toString(), ours.stream().anyMatch(f -> f.endsWith("yike.log")));
        for (Path f : ours) assertFalse("no stream key in " + f, Files.readString(f).contains(KEY));
    }

    private static String startLesson(Api api) throws Exception {
        return Await.until("a lesson started", 10, () -> api.post("recordings", "{\"classroom\": \"101\", \"title\": \"直播\"}"),
                a -> a.status() == 201).body().get("id").asText();
    }

    private static JsonNode stopLesson(Api api, String id) throws Exception {
        Api.Answer stopped = api.post("recordings/" + id + "/stop", "");
        assertEquals(stopped.body().toString(), 200, stopped.status());
        return stopped.body();
    }

    /** Waits until the target's status begins with {@code state}; answers it. */
    private static String awaitStatus(Api api, String state, int seconds) throws Exception {
        return Await.until("the target " + state, seconds, () -> {
            for (JsonNode t : api.get("publish/targets").body()) {
                if (t.get("name").asText().equals("live101")) return t.path("status").asText();
            }
            return null;
        }, status -> status != null && status.startsWith(state));
    }

    /** The product jar on the test's data folder, with a small program and a small live profile. */
    private Process start() throws IOException {
        return InYike.productJar(data, port, "liveWidth=I\"320\"", "liveHeight=I\"180\"", "liveKbps=I\"300\"");
    }
}
