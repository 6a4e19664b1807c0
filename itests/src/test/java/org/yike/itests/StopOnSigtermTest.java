package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;

/**
 * The product jar set up by environment variables only ({@code YIKE_*}, no system property), recording
 * from its start, ended by SIGTERM as systemd or Ctrl-C ends it: the framework stops every bundle, so
 * the running lesson is finished by the recorder's deactivate, whole, not left to the next start's
 * recovery.
 */
public class StopOnSigtermTest extends ProductJarTest {

    @Test
    public void sigtermFinishesTheRunningLesson() throws Exception {
        InYike.configFile(data, "org.yike.recording", "width=I\"640\"", "height=I\"360\"", "liveKbps=I\"0\"", "mobileKbps=I\"0\"");
        ProcessBuilder b = InYike.launch(data,
                "-Dorg.bytedeco.javacpp.cachedir=" + Path.of(System.getProperty("yike.itest.data"), "native"));
        b.environment().putAll(Map.of("YIKE_DATA", data.toString(), "YIKE_HTTP_PORT", Integer.toString(port),
                "YIKE_RECORD_ON_START", "true"));
        yike = b.start();
        Api api = new Api(port, data).ready(60); // a first start unpacks FFmpeg and makes the catalog's database
        assertEquals("the data folder of YIKE_DATA", data.toString(), api.get("status").body().get("dataFolder").asText());
        String id = awaitRecording(api);
        Path lesson = data.resolve("recordings/101").resolve(id);

        yike.destroy(); // SIGTERM
        assertTrue("the runtime ended within 60 s of SIGTERM", yike.waitFor(60, TimeUnit.SECONDS));
        JsonNode metadata = new ObjectMapper().readTree(lesson.resolve("lesson.json").toFile());
        assertEquals(metadata.toString(), "FINISHED", metadata.get("state").asText());
        assertFalse("finished whole, not recovered: " + metadata, metadata.path("partial").asBoolean());
        assertTrue(Files.size(lesson.resolve("program.mp4")) > 0);
    }

    private static String awaitRecording(Api api) throws Exception {
        return Await.until("a lesson started on boot (YIKE_RECORD_ON_START=true)", 30,
                () -> api.get("status").body().get("recording"), r -> r.size() > 0).get(0).asText();
    }
}
