package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A camera that connects while the opening shot's camera is still silent begins its own file
 * before the lesson's clock starts: {@code lesson.json} says so with a negative offset, as long as
 * the file's head really is before the program's first frame.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ResourceOffsetTest extends InYike {

    private Process camera;

    @After
    public void stopCamera() {
        if (camera != null) camera.destroy();
    }

    @Test
    public void aFileThatBeganBeforeTheLessonsClockHasItsTrueNegativeOffset() throws Exception {
        Path work = Files.createDirectories(dataFolder().resolve("camera"));
        int port = freeUdpPort();
        camera = ffmpeg(List.of("-v", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25,format=yuv420p,realtime",
                "-c:v", "libopenh264", "-b:v", "800k", "-g", "25", "-f", "mpegts", "udp://127.0.0.1:" + port + "?pkt_size=1316"),
                work.resolve("camera.log"));

        // the opening shot: classroom 101's teacher close-up, a camera that never sends, so the clock waits its 5 s
        Map<String, Object> quiet = Map.of("width", 640, "height", 360, "studentStandsEverySeconds", 0,
                "coursewareChangesEverySeconds", 0);
        configureClassroom(with(quiet, "id", "virtual-101", "teacherUrl", "udp://127.0.0.1:" + freeUdpPort()));
        Api api = new Api().ready();
        awaitTeacherAtUrl(api, "virtual-101");
        // a second teacher camera in the same room, listed after it, that sends from the start
        configureClassroom(with(quiet, "id", "early", "teacherUrl", "udp://127.0.0.1:" + port + "?overrun_nonfatal=1&fifo_size=50000"));
        awaitTeacherAtUrl(api, "early");
        configureRecording(SMALL_PROGRAM);

        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\"}").body().get("id").asText();
        api.awaitRecorded(id, 4000); // the lesson tested: 4 s on its clock, which starts 5 s late
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();

        JsonNode resource = null;
        for (JsonNode f : lesson.get("files")) if (f.get("source").asText().equals("early/teacher")) resource = f;
        assertNotNull("the early camera's own file: " + lesson.get("files"), resource);
        long offset = resource.get("startOffsetMillis").asLong();
        assertTrue("began some seconds before the clock, which waited 5 s for the opening shot: " + offset,
                offset < -2500 && offset > -5000);
        JsonNode metadata = new ObjectMapper().readTree(Path.of(lesson.get("files").get(0).get("path").asText())
                .resolveSibling("lesson.json").toFile());
        assertEquals("lesson.json says the same", offset, fileOf(metadata, "early/teacher").get("startOffsetMillis").asLong());
        // and the catalog, for the player that keeps the file in step with the program
        String name = Path.of(resource.get("path").asText()).getFileName().toString();
        JsonNode catalogued = Await.value("lesson " + id + " in the catalog with its files", 10, () -> {
            for (JsonNode f : api.get("lessons/" + id).body().path("files")) if (f.path("name").asText().equals(name)) return f;
            return null;
        });
        assertEquals(catalogued.toString(), offset, catalogued.get("startOffsetMillis").asLong());

        // both files end with the lesson, so the file is longer than the program by what came before it
        double program = media.probe(Path.of(lesson.get("files").get(0).get("path").asText())).durationSeconds();
        double own = media.probe(Path.of(resource.get("path").asText())).durationSeconds();
        assertEquals("file " + own + " s, program " + program + " s, offset " + offset + " ms", -offset / 1000.0,
                own - program, 0.8);
    }

    /** Waits until the device is listed with its teacher camera at a URL (its own configuration, not the default). */
    private static void awaitTeacherAtUrl(Api api, String device) throws Exception {
        Await.until(device + " listed with its teacher camera at a URL", 10, () -> api.device(device),
                d -> d != null && d.at("/sources/0/uri").asText().startsWith("udp://"));
    }
}
