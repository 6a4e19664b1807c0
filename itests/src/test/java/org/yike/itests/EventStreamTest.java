package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;

/**
 * {@code /api/events} of the product jar as a console's EventSource reads it: a lesson started and
 * stopped through the API arrives as server-sent events with its properties, while a second stream
 * that never reads does not hold it up.
 */
public class EventStreamTest extends ProductJarTest {

    @Test
    public void aLessonStartingAndStoppingArrivesAsServerSentEvents() throws Exception {
        yike = InYike.productJar(data, port);
        Api api = new Api(port, data).ready(60);
        HttpRequest events = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                .header("Authorization", "Bearer " + api.bearer()).GET().build();
        HttpClient http = HttpClient.newHttpClient();
        // a viewer that never reads a byte
        HttpResponse<InputStream> stalled = http.send(events, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> stream = http.send(events, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) lines.add(line);
            } catch (java.io.IOException e) {
                // closed at the end
            }
        });
        reader.setDaemon(true);
        reader.start();

        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\"}").body().get("id").asText();
        JsonNode started = awaitEvent(lines, "org/yike/recording/STARTED");
        assertEquals(id, started.get("recording").asText());
        assertEquals("101", started.get("classroom").asText());
        api.awaitRecorded(id, 1000);
        assertEquals(200, api.post("recordings/" + id + "/stop", "").status());
        assertEquals(id, awaitEvent(lines, "org/yike/recording/STOPPED").get("recording").asText());
        stalled.body().close();
        stream.body().close();
    }

    /** The data of the next event of this topic, within 30 s. */
    private static JsonNode awaitEvent(BlockingQueue<String> lines, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean inEvent = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) continue;
            if (line.startsWith("event: ")) inEvent = line.substring(7).equals(topic);
            else if (inEvent && line.startsWith("data: ")) return new ObjectMapper().readTree(line.substring(6));
        }
        throw new AssertionError("no event " + topic + " within 30 s");
    }
}
