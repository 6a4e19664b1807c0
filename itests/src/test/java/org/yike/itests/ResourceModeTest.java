package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.yike.media.MediaInfo;

/**
 * A camera that sends H.264 and AAC (the bundled ffmpeg, streaming MPEG-TS over UDP on loopback
 * and keeping a copy of what it sent): resource mode writes its picture's packets as they came,
 * byte for byte, with its sound, while the program decodes the same packets.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ResourceModeTest extends InYike {

    private Process camera;

    @After
    public void stopCamera() {
        if (camera != null) camera.destroy();
    }

    @Test
    public void anH264CameraIsWrittenAsItCameAndShownInTheProgram() throws Exception {
        Path work = Files.createDirectories(dataFolder().resolve("camera"));
        Path sent = work.resolve("sent.ts");
        UdpCamera udp = UdpCamera.start(this, sent, work.resolve("camera.log"));
        camera = udp.process;

        configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "studentStandsEverySeconds", 0,
                "coursewareChangesEverySeconds", 0, "teacherUrl", udp.url()));
        configureRecording(SMALL_PROGRAM);

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, 5000); // the lesson tested: 5 s
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        camera.destroy();
        camera.waitFor();

        JsonNode resource = null;
        for (JsonNode f : lesson.get("files")) if (f.get("kind").asText().equals("resource")) resource = f;
        assertNotNull("a resource file for the camera: " + lesson.get("files"), resource);
        assertEquals("virtual-101/teacher", resource.get("source").asText());
        // the opening shot's camera: its file begins with the key frame whose picture starts the
        // lesson's clock a few milliseconds later (a CI run read -4 ms), so within a frame of it
        long offset = resource.get("startOffsetMillis").asLong();
        assertTrue("the file begins with the lesson, within a frame: " + offset + " ms", offset > -40);
        Path file = Path.of(resource.get("path").asText());
        MediaInfo info = media.probe(file);
        assertEquals("h264", info.video().orElseThrow().codec());
        assertEquals(640, info.video().orElseThrow().width());
        assertEquals("the camera's sound, copied", "aac", info.audio().orElseThrow().codec());
        assertTrue("seconds of it: " + info.durationSeconds(), info.durationSeconds() > 3);

        // NAL units, the packets' contents: MP4 frames them by length, MPEG-TS by start codes
        List<ByteBuffer> written = nalUnits(file, "h264", work.resolve("written.h264"));
        List<ByteBuffer> original = nalUnits(sent, "h264", work.resolve("sent.h264"));
        assertTrue("written " + written.size() + " NAL units, a run of the " + original.size() + " sent",
                written.size() > 50 && Collections.indexOfSubList(original, written) >= 0);

        Path programFile = Path.of(lesson.get("files").get(0).get("path").asText());
        // the lesson's clock starts with the camera's first picture, at its first key frame
        double programSeconds = media.probe(programFile).durationSeconds();
        assertTrue("the program: " + programSeconds + " s", programSeconds > 3.5 && programSeconds < 5.6);
        assertEquals("the program shows the same camera, decoded from the same packets", "red",
                Pictures.keyColour(Pictures.at(programFile, 3.0), 640, 360, 640 - 8, 360 - 8));
    }
}
