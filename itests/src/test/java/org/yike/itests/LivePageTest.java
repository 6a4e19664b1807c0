package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Test;

/**
 * A room's live page in chromium against the product jar, as a viewer keeps it open: it plays the
 * virtual classroom's lesson, plays again after the runtime was killed and started again on the same
 * port and data folder, and takes the next lesson by itself. Small pictures (640x360, one profile with
 * a key frame every second) so that the lessons keep real time on two cores.
 */
public class LivePageTest extends ProductJarTest {

    /** The page is sampled this often (ms): the resolution of the times measured from its samples. */
    private static final int EVERY = 200;

    @Test
    public void theRoomPagePlaysComesBackAfterARestartAndTakesTheNextLesson() throws Exception {
        yike = start();
        Api api = new Api(port, data).ready(60);
        String first = startLesson(api);
        awaitLive(api, first);

        Path shot = Files.createDirectories(Path.of("target", "pages")).resolve("room-101-next-lesson.png").toAbsolutePath();
        try (Browser page = Browser.start(data, "live-page.mjs", "http://127.0.0.1:" + port + "/room/101", "--seconds", "180",
                "--every", Integer.toString(EVERY), "--stdin", "stop", "--screenshot", shot.toString())) {
            // plays: two seconds of pictures shown, currentTime growing
            long opened = System.currentTimeMillis();
            JsonNode playing = Await.value("the page plays", 30, () -> playsFrom(page.lines(), opened));
            Await.until("the page plays on for 2 s", 15, () -> {
                JsonNode last = lastSample(page.lines());
                return "live".equals(last.get("state").asText())
                        && last.get("frames").asInt() >= playing.get("frames").asInt() + 40
                        && last.get("currentTime").asDouble() >= playing.get("currentTime").asDouble() + 1.5;
            });

            // the runtime killed: the page notices; started again with a lesson, the page plays again
            yike.destroyForcibly().waitFor();
            long killed = System.currentTimeMillis();
            Await.until("the page sees the runtime gone", 10, () -> {
                JsonNode last = lastSample(page.lines());
                return last.get("t").asLong() > killed && !"live".equals(last.get("state").asText());
            });
            yike = start();
            api.ready(60);
            String second = startLesson(api);
            long back = awaitLive(api, second);
            // An idle room's page asks again every 2 s, so it opens the stream within 2 s of its being
            // back, and a second to ask and connect (the server's viewer count shows when); from then it
            // shows pictures within a key frame interval (1 s) and the time to decode.
            Await.until("the page connects again", 10, () -> api.get("live/101").body().get("streams").get(0).get("viewers").asInt() > 0);
            long connected = System.currentTimeMillis();
            // the player sets "live" only on a frame shown since it reconnected; its pictures then advance
            JsonNode again = Await.value("the page live again", 15, () -> page.lines().stream()
                    .filter(l -> l.has("sample") && l.get("t").asLong() >= back && "live".equals(l.get("sample").get("state").asText()))
                    .findFirst().map(LivePageTest::sample).orElse(null));
            JsonNode advancing = Await.value("the page plays again", 15, () -> playsFrom(page.lines(), back));
            long comeback = again.get("t").asLong() - back;
            String timeline = "; since the kill (ms from the stream's return, state, frames):" + timeline(page.lines(), killed, back);
            System.out.println("LivePageTest: after /api/live/101 first answered live, the page connected in " + (connected - back)
                    + " ms, was live in " + comeback + " ms, its pictures advancing in " + (advancing.get("t").asLong() - back) + " ms");
            assertTrue("connected " + (connected - back) + " ms after the stream was back" + timeline, connected - back <= 3000);
            assertTrue("live " + (again.get("t").asLong() - connected) + " ms after it connected" + timeline,
                    again.get("t").asLong() - connected <= 3000);

            // the next lesson, taken by the open page by itself
            api.awaitRecordedMore(second, 2000);
            assertEquals(200, api.post("recordings/" + second + "/stop", "").status());
            long stopped = System.currentTimeMillis();
            String third = startLesson(api);
            long next = awaitLive(api, third);
            JsonNode switched = Await.value("the page plays the next lesson", 15, () -> playsFrom(page.lines(), next));
            System.out.println("LivePageTest: the next lesson played " + (switched.get("t").asLong() - next)
                    + " ms after /api/live/101 answered it live, " + (switched.get("t").asLong() - stopped) + " ms after the stop");

            page.stop();
            List<JsonNode> lines = page.finish(30);
            JsonNode summary = lines.get(lines.size() - 1).get("summary");
            assertEquals(lines.toString(), "live", summary.get("lastState").asText());
            assertEquals("101", lastSample(lines).get("heading").asText());
            // the browser offers permessage-deflate; the server declines it (video does not compress)
            assertEquals(lines.toString(), "", summary.get("extensions").asText());
        }
    }

    /** The product jar with the small classroom 101 and its one profile, a key frame every second. */
    private Process start() throws IOException {
        InYike.virtualClassroom(data, "101", 640, 360, 25);
        return InYike.productJar(data, port, "liveKbps=I\"0\"", "gopFrames=I\"25\"");
    }

    /** Starts a lesson in room 101 (the classroom registers a moment after the API answers); answers its id. */
    private static String startLesson(Api api) throws InterruptedException {
        Api.Answer started = Await.until("a lesson starts in 101", 30, () -> api.post("recordings", "{\"classroom\": \"101\"}"),
                a -> a.status() == 201);
        return started.body().get("id").asText();
    }

    /** Waits until {@code /api/live/101} answers lesson's stream live; answers when it first did (polled every 100 ms). */
    private static long awaitLive(Api api, String lesson) throws InterruptedException {
        Await.until("room 101 live with " + lesson, 30, () -> {
            JsonNode room = api.get("live/101").body();
            return "live".equals(room.path("state").asText()) && lesson.equals(room.path("lesson").asText());
        });
        return System.currentTimeMillis();
    }

    private static JsonNode lastSample(List<JsonNode> lines) {
        return lines.stream().filter(l -> l.has("sample")).reduce((a, b) -> b).map(LivePageTest::sample)
                .orElseThrow(() -> new AssertionError("no sample yet"));
    }

    /** The samples from {@code since} on, each as its time from {@code zero}, state and frames shown. */
    private static String timeline(List<JsonNode> lines, long since, long zero) {
        StringBuilder b = new StringBuilder();
        for (JsonNode line : lines) {
            if (!line.has("sample") || line.get("t").asLong() < since) continue;
            JsonNode s = line.get("sample");
            b.append(' ').append(line.get("t").asLong() - zero).append(':').append(s.get("state").asText()).append(':')
                    .append(s.get("frames").asInt());
        }
        return b.toString();
    }

    /** A line's sample with the line's {@code t}, when the page printed it. */
    private static JsonNode sample(JsonNode line) {
        return ((ObjectNode) line.get("sample").deepCopy()).put("t", line.get("t").asLong());
    }

    /**
     * The first sample from {@code since} on that shows the page playing: live, with more frames shown
     * and a later currentTime than the sample before it (also from {@code since} on); null if none yet.
     * Its {@code t} is when the page printed it.
     */
    private static JsonNode playsFrom(List<JsonNode> lines, long since) {
        JsonNode before = null;
        for (JsonNode line : lines) {
            if (!line.has("sample") || line.get("t").asLong() < since) continue;
            JsonNode s = line.get("sample");
            if (before != null && "live".equals(s.get("state").asText()) && s.get("frames").asInt() > before.get("frames").asInt()
                    && s.get("currentTime").asDouble() > before.get("currentTime").asDouble()) {
                return sample(line);
            }
            before = s;
        }
        return null;
    }
}
