package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.yike.api.device.ClassroomEvent;
import org.yike.media.MediaInfo;

/**
 * A classroom of two network cameras on Debian's GStreamer RTSP server, on loopback: the teacher's
 * sends H.264 with AAC, the students' H.265 with G.711 behind digest authentication. Each camera's
 * packets go to its own file as they came, the program is directed between them, and when the
 * students' server is pulled mid-lesson the recording stays playable, the gap is in the metadata
 * and the camera comes back on its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RtspClassroomTest extends InYike {

    private static final String PASSWORD = "Cl4ss-r00m";

    @Inject
    EventAdmin eventAdmin;

    private GstRtsp gst;

    @After
    public void stopServers() {
        if (gst != null) gst.close();
    }

    @Test
    public void twoCamerasRecordedAsTheyCameDirectedAndOneComesBackAfterItsServerWasPulled() throws Exception {
        gst = new GstRtsp(dataFolder().resolve("gst"));
        Path work = gst.work();
        Path teacherClip = gst.clip("teacher", "h264", "aac", 40);
        Path studentsClip = gst.clip("students", "h265", "pcmu", 40);
        int teacherPort = freePort();
        int studentsPort = freePort();
        gst.serve("teacher", teacherPort, "/teacher=" + teacherClip + ":h264:aac");
        Process students = gst.serve("students", studentsPort, "yike:" + PASSWORD, "/students=" + studentsClip + ":h265:pcmu");
        configureRecording(SMALL_PROGRAM);
        configurations.getConfiguration("org.yike.director.classroom", "?").update(new java.util.Hashtable<>(
                java.util.Map.of("minShotMillis", 0L, "idleMillis", 0L)));

        Api api = new Api().ready();
        add(api, "teacher-cam", "teacher", "rtsp://127.0.0.1:" + teacherPort + "/teacher", "");
        add(api, "students-cam", "student_wide", "rtsp://127.0.0.1:" + studentsPort + "/students",
                ", \"username\": \"yike\", \"password\": \"" + PASSWORD + "\"");
        api.awaitState("teacher-cam", "ONLINE", 30_000);
        JsonNode studentsCam = api.awaitState("students-cam", "ONLINE", 30_000);
        assertTrue("digest authentication passed: " + studentsCam, studentsCam.get("reason").asText().startsWith("hevc"));

        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"302\"}").body().get("id").asText();
        // the lesson tested: 3 s of the teacher, 3 s of the students, their server away 7 s
        api.awaitRecorded(id, 3000);
        ClassroomEvent stood = new ClassroomEvent(ClassroomEvent.Type.STUDENT_STOOD_UP, "302", "students-cam", "video", null,
                0.5, 0.5);
        eventAdmin.sendEvent(new Event(stood.topic(), stood.properties()));
        api.awaitRecorded(id, 6000);
        students.destroy();
        students.waitFor(5, TimeUnit.SECONDS);
        api.awaitRecordedMore(id, 7000);
        gst.serve("students-again", studentsPort, "yike:" + PASSWORD, "/students=" + studentsClip + ":h265:pcmu");
        awaitParts(api, id, "students-cam/video", 2, 30);
        api.awaitRecordedMore(id, 4000); // the lesson tested: the students' camera back for 4 s
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        assertEquals("FINISHED", lesson.get("state").asText());
        assertTrue("no password in the lesson", !lesson.toString().contains(PASSWORD));

        Path program = Path.of(lesson.get("files").get(0).get("path").asText());
        MediaInfo programInfo = media.probe(program);
        assertEquals("the program plays through, no gap", 0.04, programInfo.largestVideoGap(), 0.001);
        JsonNode metadata = new ObjectMapper().readTree(program.resolveSibling("lesson.json").toFile());
        assertTrue("the students' camera was shown: " + metadata.get("decisions"),
                metadata.get("decisions").toString().contains("students-cam/video"));
        List<String> states = new ArrayList<>();
        for (JsonNode e : metadata.get("sourceEvents")) {
            if (!e.get("source").asText().equals("students-cam/video")) continue;
            // while it is away the reason may change (the stream ended, then the server refuses)
            String state = e.hasNonNull("problem") ? "lost" : "back";
            if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) states.add(state);
        }
        assertEquals("the gap is in the metadata: " + metadata.get("sourceEvents"), List.of("lost", "back"), states);

        List<Path> teacherFiles = resources(lesson, "teacher-cam/video");
        List<Path> studentsFiles = resources(lesson, "students-cam/video");
        assertEquals("one file for the teacher's camera: " + teacherFiles, 1, teacherFiles.size());
        assertEquals("the students' camera in two parts, before and after: " + studentsFiles, 2, studentsFiles.size());
        assertSame(teacherFiles.get(0), "h264", "aac", teacherClip, work);
        for (Path part : studentsFiles) assertSame(part, "hevc", "aac", studentsClip, work);
    }

    /**
     * The file holds a run of the camera's own coded pictures (its slice NAL units, not encoded
     * again), and its sound in AAC. Parameter sets and the like are left out of the comparison: RTP
     * repeats them before key frames, which is transport, not coding.
     */
    private void assertSame(Path file, String codec, String sound, Path clip, Path work) throws Exception {
        MediaInfo info = media.probe(file);
        assertEquals(file.toString(), codec, info.video().orElseThrow().codec());
        assertEquals(file + ": G.711 is converted, AAC copied", sound, info.audio().orElseThrow().codec());
        String elementary = codec.equals("hevc") ? "hevc" : "h264";
        List<ByteBuffer> written = slices(nalUnits(file, elementary, work.resolve(file.getFileName() + "." + elementary)), codec);
        List<ByteBuffer> sent = slices(nalUnits(clip, elementary, work.resolve(clip.getFileName() + "." + elementary)), codec);
        assertTrue(file + ": " + written.size() + " NAL units, a run of the camera's " + sent.size(),
                written.size() > 25 && Collections.indexOfSubList(sent, written) >= 0);
    }

    /** The NAL units that carry coded pictures: H.264 types 1-5, H.265 types 0-31. */
    static List<ByteBuffer> slices(List<ByteBuffer> units, String codec) {
        return units.stream().filter(u -> u.remaining() > 0).filter(u -> codec.equals("hevc") ? ((u.get(0) >> 1) & 0x3F) < 32
                : (u.get(0) & 0x1F) >= 1 && (u.get(0) & 0x1F) <= 5).toList();
    }

    /** Waits until the recording lists {@code parts} files of {@code source}'s own. */
    static void awaitParts(Api api, String id, String source, int parts, int seconds) throws InterruptedException {
        Await.until(source + " in " + parts + " parts", seconds, () -> resources(api.get("recordings/" + id).body(), source).size() >= parts);
    }

    static List<Path> resources(JsonNode lesson, String source) {
        List<Path> files = new ArrayList<>();
        for (JsonNode f : lesson.get("files")) {
            if (f.get("kind").asText().equals("resource") && f.get("source").asText().equals(source)) {
                files.add(Path.of(f.get("path").asText()));
            }
        }
        return files;
    }

    static void add(Api api, String id, String role, String url, String more) throws Exception {
        Api.Answer added = api.post("devices", "{\"driver\": \"rtsp\", \"id\": \"" + id + "\", \"name\": \"" + id
                + "\", \"classroom\": \"302\", \"role\": \"" + role + "\", \"config\": {\"url\": \"" + url
                + "\", \"transport\": \"tcp\"" + more + "}}");
        assertEquals(added.body().toString(), 201, added.status());
    }
}
