package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * The patrol wall in chromium against the product jar with 30 virtual classrooms, each recording a
 * lesson: the tiles on screen play; a tile scrolled away closes its socket, which the server's own
 * viewer count ({@code /api/live}) shows within 2 s. The classrooms are tiny (128x72 at 10 fps, one
 * profile of that size) so that 30 lessons keep real time on two cores.
 */
public class PatrolWallTest extends ProductJarTest {

    private static final List<String> ROOMS = IntStream.rangeClosed(1, 30).mapToObj(i -> Integer.toString(300 + i)).toList();

    /** One look at {@code /api/live}: when, and each room's FLV viewers. */
    private record Count(long t, Map<String, Integer> viewers) {
    }

    @Test
    public void tilesPlayAndATileScrolledAwayClosesItsSocketOnTheServer() throws Exception {
        for (String room : ROOMS) InYike.virtualClassroom(data, room, 128, 72, 10);
        // three groups on the wall: ten rooms on each of two floors of building A, ten in building B
        // (the store's format escapes '=' in a value)
        InYike.configFile(data, "org.yike.live", "roomPlaces=[" + ROOMS.stream()
                .map(r -> "\"" + r + "\\=" + place(Integer.parseInt(r)) + "\"").collect(Collectors.joining(",")) + "]");
        yike = InYike.productJar(data, port, "width=I\"128\"", "height=I\"72\"", "fps=I\"10\"", "gopFrames=I\"10\"",
                "videoKbps=I\"50\"", "audioKbps=I\"32\"", "liveKbps=I\"0\"");
        Api api = new Api(port, data).ready(60);
        for (String room : ROOMS) {
            Await.until("a lesson starts in " + room, 30, () -> api.post("recordings", "{\"classroom\": \"" + room + "\"}").status() == 201);
        }
        Await.until("all 30 rooms live", 60, () -> counts(api).viewers().size() == ROOMS.size());
        JsonNode room321 = api.get("live/321").body();
        assertEquals(room321.toString(), "Building B", room321.path("building").asText());
        assertEquals(room321.toString(), "1", room321.path("floor").asText());

        // the server's viewer counts, looked at all along while the wall is walked
        List<Count> counts = new ArrayList<>();
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Count c = counts(api);
                    synchronized (counts) {
                        counts.add(c);
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a look that failed is left out; the check below names what it missed
                }
            }
        });
        watcher.start();
        Path shot = Files.createDirectories(Path.of("target", "pages")).resolve("wall-30-rooms.png").toAbsolutePath();
        List<JsonNode> steps;
        try {
            steps = Browser.run(120, data, "wall.mjs", "http://127.0.0.1:" + port + "/", "--screenshot", shot.toString(), "--wait", "30");
        } finally {
            watcher.interrupt();
            watcher.join();
        }

        JsonNode playing = step(steps, "playing");
        assertEquals(playing.toString(), ROOMS.size(), playing.get("tiles").size());
        List<JsonNode> onScreen = new ArrayList<>();
        playing.get("tiles").forEach(t -> {
            if (t.get("onScreen").asBoolean()) onScreen.add(t);
        });
        assertFalse(playing.toString(), onScreen.isEmpty());
        for (JsonNode t : onScreen) {
            assertEquals(t.toString(), "live", t.get("state").asText());
            assertTrue(t.toString(), t.get("frames").asInt() > 0);
        }

        JsonNode scrolled = step(steps, "scrolled");
        long mark = scrolled.get("scrolledAt").asLong();
        // the tiles scrolled away: on screen while playing, off screen now
        List<String> away = new ArrayList<>();
        scrolled.get("offScreen").forEach(r -> {
            if (onScreen.stream().anyMatch(t -> t.get("room").asText().equals(r.asText()))) away.add(r.asText());
        });
        assertFalse(scrolled.toString(), away.isEmpty());
        List<Count> seen;
        synchronized (counts) {
            seen = List.copyOf(counts);
        }
        for (String room : away) {
            // watched before the scroll, no viewer on the server within 2 s of it
            Count before = seen.stream().filter(c -> c.t() < mark).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no look at /api/live before the scroll"));
            assertTrue(room + " had a viewer before the scroll: " + before, before.viewers().getOrDefault(room, 0) > 0);
            Count gone = seen.stream().filter(c -> c.t() > mark && Integer.valueOf(0).equals(c.viewers().get(room))).findFirst()
                    .orElseThrow(() -> new AssertionError(room + " kept its viewer after the scroll"));
            System.out.println("PatrolWallTest: " + room + " without viewers " + (gone.t() - mark) + " ms after the scroll");
            assertTrue(room + " had viewers until " + (gone.t() - mark) + " ms after the scroll", gone.t() - mark <= 2000);
        }

        assertEquals(step(steps, "hidden").toString(), 0, step(steps, "hidden").get("open").size());
        assertEquals(step(steps, "clicked").toString(), "live", step(steps, "clicked").get("state").asText());
    }

    /** Each live room's FLV viewers, summed over its streams, as {@code /api/live} answers now. */
    private static String place(int room) {
        return room <= 310 ? "Building A/1" : room <= 320 ? "Building A/2" : "Building B/1";
    }

    private static Count counts(Api api) throws Exception {
        Map<String, Integer> viewers = new HashMap<>();
        for (JsonNode room : api.get("live").body()) {
            if (!"live".equals(room.path("state").asText())) continue;
            int n = 0;
            for (JsonNode s : room.get("streams")) n += s.path("viewers").asInt();
            viewers.put(room.get("room").asText(), n);
        }
        return new Count(System.currentTimeMillis(), viewers);
    }

    private static JsonNode step(List<JsonNode> steps, String name) {
        return steps.stream().filter(s -> name.equals(s.path("step").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("wall.mjs printed no " + name + " step: " + steps));
    }
}
