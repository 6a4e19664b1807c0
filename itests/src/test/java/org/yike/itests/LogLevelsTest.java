package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * The product jar's log levels changed at run time through the API, without a restart: once
 * {@code org.yike.web} is at DEBUG its debug lines (each API call) are on the console, and once put
 * back they are not.
 */
public class LogLevelsTest extends ProductJarTest {

    @Test
    public void aBundlesDebugLinesAppearWhileItsLevelIsDebug() throws Exception {
        yike = InYike.productJar(data, port);
        Api api = new Api(port, data).ready(60);
        String[] admin = {"Authorization", "Bearer " + Files.readString(data.resolve("admin.token")).trim()};
        Path console = data.resolve("yike.log");
        assertEquals(401, api.anonymous().get("log/levels").status());

        api.get("recordings/probe-0");
        JsonNode levels = api.put("log/levels/org.yike.web", "application/json", "{\"level\": \"DEBUG\"}", admin).body().get("levels");
        assertEquals(levels.toString(), "DEBUG", levels.get("org.yike.web").asText());
        assertEquals(levels.toString(), "INFO", levels.get("ROOT").asText());
        // the console shows entries in order: a line after the change means the call before it was not logged
        awaitLine(console, "INFO  Levels - Log level of bundle org.yike.web: DEBUG");
        assertFalse(Files.readString(console).contains("probe-0"));

        api.get("recordings/probe-1");
        awaitLine(console, "DEBUG RequestLog - GET /api/recordings/probe-1 404");

        levels = api.delete("log/levels/org.yike.web", admin).body().get("levels");
        assertNull(levels.toString(), levels.get("org.yike.web"));
        api.get("recordings/probe-2");
        api.put("log/levels/org.yike.itests", "application/json", "{\"level\": \"INFO\"}", admin);
        awaitLine(console, "INFO  Levels - Log level of logger org.yike.itests: INFO");
        assertFalse(Files.readString(console).contains("probe-2"));

        assertEquals(400, api.put("log/levels/org.yike.web", "application/json", "{\"level\": \"LOUD\"}", admin).status());
    }

    /** Waits up to 10 s for a console line containing {@code text}. */
    private static void awaitLine(Path console, String text) throws Exception {
        Await.until("a line '" + text + "' in " + console, 10, () -> Files.readString(console).contains(text));
    }
}
