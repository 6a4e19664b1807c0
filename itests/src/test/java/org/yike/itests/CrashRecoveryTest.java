package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.yike.media.MediaInfo;
import org.yike.media.Probe;

/**
 * The product jar killed with SIGKILL in the middle of a lesson, then started again on the same
 * data folder: the lesson is recovered, finished and marked partial, losing at most 2 s.
 */
public class CrashRecoveryTest extends ProductJarTest {


    @Test
    public void aLessonCutOffByKillIsRecoveredOnTheNextStart() throws Exception {
        yike = start(true);
        Api api = new Api(port, data).ready();
        String id = awaitRecording(api);
        // the lesson's own start, not when the API first lists it: a loaded machine answers late
        Instant started = Instant.parse(api.get("recordings/" + id).body().get("started").asText());
        api.awaitRecorded(id, 6000); // the lesson tested: 6 s recorded before the kill
        yike.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        double recordedSeconds = Duration.between(started, Instant.now()).toMillis() / 1e3;

        yike = start(false);
        Api restarted = new Api(port, data).ready();
        JsonNode lesson = Await.until("the cut-off lesson recovered", 30, () -> restarted.get("recordings/" + id).body(),
                l -> !l.get("state").asText().equals("RECORDING"));
        assertEquals(lesson.toString(), "FINISHED", lesson.get("state").asText());
        assertTrue(lesson.get("partial").asBoolean());
        assertTrue(lesson.get("error").asText(), lesson.get("error").asText().startsWith("interrupted"));

        Path ffprobe = data.resolve("native/linux-x86_64/ffprobe");
        MediaInfo info = new Probe(ffprobe).probe(Path.of(lesson.get("files").get(0).get("path").asText()));
        assertEquals("h264", info.video().orElseThrow().codec());
        assertEquals("the configuration file in the data folder applied", 640, info.video().orElseThrow().width());
        assertTrue("at most 2 s lost: recorded " + recordedSeconds + " s, recovered " + info.durationSeconds() + " s",
                info.durationSeconds() >= recordedSeconds - 2.5 && info.durationSeconds() <= recordedSeconds + 0.5);
        assertEquals(0.04, info.largestVideoGap(), 0.001);
    }

    /**
     * The product jar, its recording configuration (one small profile, so a busy CI machine keeps
     * up) a file in the data folder's store, as an installer would provide it.
     */
    private Process start(boolean recordOnStart) throws IOException {
        InYike.configFile(data, "org.yike.recording", "width=I\"640\"", "height=I\"360\"", "liveKbps=I\"0\"", "mobileKbps=I\"0\"");
        return InYike.launch(data, "-Dyike.data=" + data, "-Dyike.http.port=" + port,
                "-Dyike.record.on.start=" + recordOnStart).start();
    }

    private static String awaitRecording(Api api) throws Exception {
        return Await.until("a lesson started on boot", 15, () -> api.get("status").body().get("recording"), r -> r.size() > 0)
                .get(0).asText();
    }

}
