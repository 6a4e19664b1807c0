package org.yike.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The runtime's JSON API as an HTTP client sees it. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode body) {
    }

    /** A file as it came: the status, the response's headers, the body's bytes. */
    record Download(int status, HttpHeaders headers, byte[] body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    /** Where the runtime keeps its admin token (made at its first start); null: calls go without a login. */
    private final Path adminTokenFile;
    /** The bearer token calls carry, once known. */
    private volatile String token;

    /** The API of the runtime this JVM runs, as its administrator (the admin token). */
    Api() {
        this(Integer.getInteger("yike.http.port"), InYike.dataFolder());
    }

    /** The API of a runtime on this port, with that data folder, as its administrator (the admin token). */
    Api(int port, Path data) {
        this("http://127.0.0.1:" + port + "/api/", data.resolve("admin.token"), null);
    }

    private Api(String base, Path adminTokenFile, String token) {
        this.base = base;
        this.adminTokenFile = adminTokenFile;
        this.token = token;
    }

    /** The same API called without a login. */
    Api anonymous() {
        return new Api(base, null, null);
    }

    /** The same API called with this bearer token (a user's API token). */
    Api as(String bearerToken) {
        return new Api(base, null, bearerToken);
    }

    /**
     * The same API as this user: logged in with their password as a browser would, then carrying a personal
     * API token made with that session (its CSRF token sent along).
     */
    Api login(String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("name", name).put("password", password).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) throw new AssertionError("login as " + name + ": " + login.statusCode() + " " + login.body());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("yike_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(base + "users/me/tokens")).header("Cookie", cookie)
                .header("X-CSRF-Token", JSON.readTree(login.body()).get("csrfToken").asText()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\": \"itest\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (made.statusCode() != 201) throw new AssertionError("a token for " + name + ": " + made.statusCode() + " " + made.body());
        return as(JSON.readTree(made.body()).get("token").asText());
    }

    /** GET, with request headers given as name, value, name, value… */
    Answer get(String path, String... headers) throws IOException, InterruptedException {
        return send(headers(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers));
    }

    /** GET of a file, with request headers given as name, value, name, value… */
    Download download(String path, String... headers) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(headers(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers(), r.body());
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

    /** The request with these headers, and the token unless they carry an Authorization of their own. */
    private HttpRequest.Builder headers(HttpRequest.Builder request, String... headers) throws IOException {
        boolean authorized = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorized |= headers[i].equalsIgnoreCase("Authorization");
        }
        String bearer = bearer();
        if (!authorized && bearer != null) request.header("Authorization", "Bearer " + bearer);
        return request;
    }

    /** The token to send: given, or the admin token once the runtime has made it. */
    String bearer() throws IOException {
        if (token == null && adminTokenFile != null && Files.exists(adminTokenFile)) {
            String read = Files.readString(adminTokenFile).strip();
            if (!read.isEmpty()) token = read;
        }
        return token;
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
        // a loaded machine's first start: FFmpeg unpacked, the database made, the first administrator's password hashed
        return ready(60);
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
