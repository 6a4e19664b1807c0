package org.yike.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The runtime's JSON API as an HTTP client sees it. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    /** The API of the runtime this JVM runs. */
    Api() {
        this(Integer.getInteger("yike.http.port"));
    }

    /** The API of a runtime on this port. */
    Api(int port) {
        base = "http://127.0.0.1:" + port + "/api/";
    }

    /** GET, with request headers given as name, value, name, value… */
    Answer get(String path, String... headers) throws IOException, InterruptedException {
        return send(headers(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers));
    }

    /** POST a JSON body, with request headers given as name, value, name, value… */
    Answer post(String path, String json, String... headers) throws IOException, InterruptedException {
        return send(headers(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers));
    }

    /** POST a file as the body. */
    Answer post(String path, Path file, String contentType, String... headers) throws IOException, InterruptedException {
        return send(headers(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file)), headers));
    }

    /** PATCH a JSON body, with request headers given as name, value, name, value… */
    Answer patch(String path, String json, String... headers) throws IOException, InterruptedException {
        return send(headers(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), headers));
    }

    Answer delete(String path, String... headers) throws IOException, InterruptedException {
        return send(headers(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers));
    }

    private static HttpRequest.Builder headers(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return request;
    }

    /** PUT of a text body, with request headers given as name, value, name, value… */
    Answer put(String path, String contentType, String body, String... headers) throws IOException, InterruptedException {
        return send(headers(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)), headers));
    }

    /** GETs {@code path} until it answers 200 (a call of a bundle that is still starting answers 404), at most {@code seconds}. */
    Answer awaitOk(String path, int seconds) throws InterruptedException {
        return Await.until(base + path + " answers 200", seconds, () -> get(path), a -> a.status() == 200);
    }

    /** Waits until the API answers (Felix HTTP starts once the port is configured). */
    Api ready() throws InterruptedException {
        return ready(15);
    }

    /** Waits up to {@code seconds} for the API: a product jar's first start unpacks FFmpeg first. */
    Api ready(int seconds) throws InterruptedException {
        awaitOk("status", seconds);
        return this;
    }

    /** The device with this field's value, once it is listed (within 10 s). */
    JsonNode awaitDevice(String field, String value) throws InterruptedException {
        return Await.value("a device with " + field + " " + value + " listed", 10, () -> {
            for (JsonNode d : get("devices").body()) if (d.get(field).asText().equals(value)) return d;
            return null;
        });
    }

    /** The listed device with this id, or {@code null}. */
    JsonNode device(String id) throws IOException, InterruptedException {
        for (JsonNode d : get("devices").body()) if (d.get("id").asText().equals(id)) return d;
        return null;
    }

    /** The device once its state is {@code state}; fails after {@code millis}. */
    JsonNode awaitState(String id, String state, long millis) throws InterruptedException {
        return Await.until("device " + id + " " + state, (int) (millis / 1000), () -> device(id),
                d -> d != null && d.get("state").asText().equals(state));
    }

    /** How far the lesson's own clock has run ({@code recordedMillis}: its program's length so far). */
    long recorded(String id) throws IOException, InterruptedException {
        return get("recordings/" + id).body().get("recordedMillis").asLong();
    }

    /**
     * Waits until lesson {@code id}'s clock has reached {@code millis}: a lesson's timeline ("4 s, then
     * stop") on the lesson's own time, which starts with its first pictures and holds under load.
     */
    void awaitRecorded(String id, long millis) throws InterruptedException {
        Await.until("lesson " + id + " recorded " + millis + " ms", (int) (millis / 1000) + 60, () -> recorded(id),
                recorded -> recorded >= millis);
    }

    /** Waits until lesson {@code id} has recorded {@code millis} more than now. */
    void awaitRecordedMore(String id, long millis) throws IOException, InterruptedException {
        awaitRecorded(id, recorded(id) + millis);
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }
}
