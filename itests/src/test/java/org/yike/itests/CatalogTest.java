package org.yike.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A lesson recorded through the API is in the catalog: found by a part of a Chinese word, played
 * by curl in byte ranges and by ffprobe as HLS, downloaded under its title, changed, rebuilt from
 * disk unchanged, and deleted only with the admin token, which takes it out of the recordings too.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogTest extends InYike {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base = "http://127.0.0.1:" + Integer.getInteger("yike.http.port") + "/api/";

    @Test
    public void aRecordedLessonIsFoundPlayedChangedRebuiltAndDeleted() throws Exception {
        configureRecording(SMALL_PROGRAM);
        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\", \"title\": \"数学 勾股定理的证明\"}")
                .body().get("id").asText();
        // the lesson tested: 6.5 s with an operator's cut 2.5 s in
        api.awaitRecorded(id, 2500);
        assertEquals(200, api.post("classrooms/101/cut",
                "{\"layout\": \"FULL\", \"sources\": [\"virtual-101/courseware\"], \"cause\": \"课件 第5页\"}").status());
        api.awaitRecordedMore(id, 4000);
        assertEquals(200, api.post("recordings/" + id + "/stop", "").status());

        JsonNode lesson = awaitFinished(id);
        assertEquals("101", lesson.get("room").asText());
        assertEquals("课件 第5页", lesson.get("chapters").get(0).get("title").asText());
        assertTrue(lesson.toString(), lesson.get("durationMillis").asLong() > 5000);
        // the data folder may hold lessons of an earlier run of this class
        assertTrue(ids("q=" + enc("定理")).contains(id));
        assertTrue(ids("q=" + enc("数学") + "&room=101&state=finished").contains(id));
        assertFalse(ids("q=" + enc("数学") + "&room=101&state=failed").contains(id));
        assertEquals(List.of(), ids("q=" + enc("数学") + "&room=102"));
        assertEquals(400, get("lessons?from=yesterday").statusCode());

        // byte ranges, as curl asks them
        Path program = dataFolder().resolve("recordings/101").resolve(id).resolve("program.mp4");
        byte[] whole = Files.readAllBytes(program);
        Path got = Files.createTempFile("range", ".bin");
        Path headers = Files.createTempFile("range", ".txt");
        Process curl = new ProcessBuilder("curl", "-s", "-r", "100-1099", "-D", headers.toString(), "-o", got.toString(),
                "-H", "Authorization: Bearer " + adminToken(), base + "lessons/" + id + "/files/program.mp4").redirectErrorStream(true).start();
        assertEquals(0, curl.waitFor());
        String head = Files.readString(headers);
        assertTrue(head, head.startsWith("HTTP/1.1 206"));
        assertTrue(head, head.contains("Content-Range: bytes 100-1099/" + whole.length));
        assertTrue(head, head.contains("Accept-Ranges: bytes"));
        assertArrayEquals(Arrays.copyOfRange(whole, 100, 1100), Files.readAllBytes(got));
        HttpResponse<byte[]> tail = http.send(request("lessons/" + id + "/files/program.mp4").header("Range", "bytes=-10")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole, whole.length - 10, whole.length), tail.body());
        assertEquals(416, http.send(request("lessons/" + id + "/files/program.mp4").header("Range", "bytes=" + whole.length + "-")
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        HttpResponse<byte[]> download = http.send(request("lessons/" + id + "/files/program.mp4?download=1").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(whole, download.body());
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition, disposition.contains("filename*=UTF-8''%E6%95%B0%E5%AD%A6%20%E5%8B%BE%E8%82%A1"));
        // Jetty 12 refuses an encoded "/" (an ambiguous path separator) before any servlet
        assertEquals(400, get("lessons/" + id + "/files/..%2F..%2Fadmin.token").statusCode());

        // HLS, as ffprobe reads it over HTTP
        String playlist = base + "lessons/" + id + "/hls/program/index.m3u8";
        HttpResponse<String> m3u8 = get("lessons/" + id + "/hls/program/index.m3u8");
        assertEquals(200, m3u8.statusCode());
        assertTrue(m3u8.body(), m3u8.body().contains("#EXT-X-PLAYLIST-TYPE:VOD") && m3u8.body().contains("init.mp4"));
        ProcessBuilder probe = new ProcessBuilder(media.ffprobe().toString(), "-v", "error", "-headers",
                "Authorization: Bearer " + adminToken() + "\r\n", "-show_entries", "format=duration:stream=codec_name", "-of", "json",
                playlist).redirectErrorStream(true);
        probe.environment().put("LD_LIBRARY_PATH", media.ffprobe().getParent().toString());
        Process p = probe.start();
        JsonNode probed = JSON.readTree(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());
        assertEquals("the playlist is as long as the file: " + probed, media.probe(program).durationSeconds(),
                probed.get("format").get("duration").asDouble(), 0.5);
        assertTrue(probed.toString(), probed.toString().contains("h264") && probed.toString().contains("aac"));

        HttpResponse<byte[]> poster = http.send(request("lessons/" + id + "/poster.jpg").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, poster.statusCode());
        assertEquals((byte) 0xFF, poster.body()[0]);
        assertEquals((byte) 0xD8, poster.body()[1]);
        assertEquals(200, get("lessons/" + id + "/chapters/0/thumbnail.jpg").statusCode());

        // changed, then rebuilt from disk: the same catalog
        HttpResponse<String> patched = http.send(request("lessons/" + id).method("PATCH", HttpRequest.BodyPublishers.ofString(
                "{\"title\": \"勾股定理\", \"tags\": [\"公开课\"], \"protected\": true}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(patched.body(), 200, patched.statusCode());
        assertEquals(400, http.send(request("lessons/" + id).method("PATCH", HttpRequest.BodyPublishers.ofString(
                "{\"colour\": 1}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        JsonNode before = JSON.readTree(get("lessons?size=200").body());
        HttpResponse<String> rebuilt = http.send(request("catalog/rebuild").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(rebuilt.body(), 200, rebuilt.statusCode());
        assertEquals(before, JSON.readTree(get("lessons?size=200").body()));
        assertTrue(ids("q=" + enc("公开课")).contains(id));

        // deleted by an administrator only
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(base + "lessons/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(200, http.send(request("lessons/" + id).DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertFalse(Files.exists(program.getParent()));
        assertEquals(404, get("lessons/" + id).statusCode());
        // the recording service follows the deletion (an event, delivered apart)
        Await.until("recording " + id + " gone", 5, () -> get("recordings/" + id).statusCode() == 404);
        assertFalse(JSON.readTree(get("recordings").body()).findValuesAsText("id").contains(id));
    }

    private JsonNode awaitFinished(String id) throws Exception {
        return Await.until("lesson " + id + " in the catalog as finished", 10, () -> JSON.readTree(get("lessons/" + id).body()),
                l -> l.path("state").asText().equals("finished"));
    }

    private List<String> ids(String query) throws Exception {
        HttpResponse<String> r = get("lessons?" + query);
        assertEquals(r.body(), 200, r.statusCode());
        JsonNode page = JSON.readTree(r.body());
        assertNotNull(page.get("total"));
        return page.get("items").findValuesAsText("id").stream().filter(v -> !v.isEmpty()).toList();
    }

    /** A request as the administrator (the admin token). */
    private HttpRequest.Builder request(String path) throws IOException {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + adminToken());
    }

    private static String adminToken() throws IOException {
        return Files.readString(dataFolder().resolve("admin.token")).strip();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
