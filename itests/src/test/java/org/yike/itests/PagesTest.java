package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * The product jar serves the web app (org.yike.web.pages) at its root, with everything the app
 * loads, and the app runs in chromium from there: no internet, no other server.
 */
public class PagesTest extends ProductJarTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    public void theProductServesTheAppThatChromiumRuns() throws Exception {
        yike = InYike.productJar(data, port);
        new Api(port, data).ready(60);

        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.headers().firstValue("Content-Type").orElse(""), index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(index.body(), index.body().contains("<div id=\"app\">"));
        // the app's own routes answer the app, whose router shows the room
        assertEquals(index.body(), get("/room/101").body());
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index.body());
        assertTrue(index.body(), script.find());
        HttpResponse<String> js = get(script.group(1));
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(404, get("/assets/nothing-here.js").statusCode());
        // the API and the live streams keep their paths, behind the login the pages are not
        assertEquals(401, get("/api/status").statusCode());
        assertEquals(401, get("/live/nothing.flv").statusCode());

        Path shots = Path.of("target", "pages");
        Files.createDirectories(shots);
        List<JsonNode> lines = Browser.run(90, data, "live-page.mjs", "http://127.0.0.1:" + port + "/room/101",
                "--seconds", "2", "--screenshot", shots.resolve("room-in-product.png").toAbsolutePath().toString());
        JsonNode last = lines.stream().filter(l -> l.has("sample")).reduce((a, b) -> b).orElseThrow().get("sample");
        assertEquals(lines.toString(), "101", last.get("heading").asText());
    }
}
