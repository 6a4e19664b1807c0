package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.yike.media.MediaInfo;

/**
 * Resource mode with raw sources: the virtual classroom's three cameras (raw pictures, 320x180)
 * each get a file of their own beside the program's three, encoded at the camera's size and frame
 * rate, and their offsets in {@code lesson.json} put every camera's wall-clock marker (a flash on
 * the first frame of each wall-clock second) on the same lesson time, within one frame, in every
 * file: the three cameras' own and the program's.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RawResourceTest extends InYike {

    private static final int CAMERA_W = 320;
    private static final int CAMERA_H = 180;
    private static final int FPS = 25;
    private static final int SECONDS = 15;
    private static final List<String> CAMERAS = List.of("virtual-101/teacher", "virtual-101/student", "virtual-101/courseware");

    @Test
    public void everyRawCameraHasItsOwnFileOnTheLessonsClock() throws Exception {
        teacherThroughout(CAMERA_W, CAMERA_H);
        // three profiles, none at the cameras' size
        configureRecording(Map.of("width", 640, "height", 360, "liveWidth", 512, "liveHeight", 288, "liveKbps", 600,
                "mobileWidth", 256, "mobileHeight", 144, "mobileKbps", 200));
        Api api = new Api().ready();
        awaitCameraSize(api);

        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, SECONDS * 1000);
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        assertEquals(lesson.toString(), "FINISHED", lesson.get("state").asText());

        List<Path> programs = new ArrayList<>();
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        for (JsonNode f : lesson.get("files")) {
            if (f.get("kind").asText().equals("program")) programs.add(Path.of(f.get("path").asText()));
            if (f.get("kind").asText().equals("resource")) resources.put(f.get("source").asText(), f);
        }
        assertEquals("three programs: " + lesson.get("files"), 3, programs.size());
        assertEquals("one file per camera: " + lesson.get("files"), Set.copyOf(CAMERAS), resources.keySet());
        JsonNode metadata = new ObjectMapper().readTree(programs.get(0).resolveSibling("lesson.json").toFile());
        double program = media.probe(programs.get(0)).durationSeconds();

        // every file's marks in lesson time: a program's from its start, a camera's from its offset
        Map<String, List<Long>> marks = new LinkedHashMap<>();
        for (Path p : programs) marks.put(p.getFileName().toString(), lessonMillis(SyncMarks.clockMarks(p, CAMERA_H), 0));
        for (JsonNode r : resources.values()) {
            String camera = r.get("source").asText();
            Path file = Path.of(r.get("path").asText());
            long offset = r.get("startOffsetMillis").asLong();
            assertEquals("lesson.json says the same", offset, fileOf(metadata, camera).get("startOffsetMillis").asLong());
            MediaInfo info = media.probe(file);
            MediaInfo.Stream video = info.video().orElseThrow();
            assertEquals(camera, "h264", video.codec());
            assertEquals(camera + " at its own size", CAMERA_W, video.width());
            assertEquals(camera, CAMERA_H, video.height());
            assertEquals(camera + " at its own frame rate", FPS, video.frameRate(), 0.01);
            assertTrue(camera + ": pictures only", info.audio().isEmpty());
            assertEquals(camera + " from " + offset + " ms to the end of the " + program + " s program",
                    program, offset / 1000.0 + info.durationSeconds(), 0.5);
            marks.put(camera, lessonMillis(SyncMarks.clockMarks(file, CAMERA_H), offset));
        }
        System.out.println("RawResourceTest: marks in lesson time (ms) " + marks);

        // each second's mark in the recording profile's program, and the same second's in every other file:
        // the nearest mark, within five frames (a file that missed the second may have a stray light
        // elsewhere, the students' pattern now and then)
        int seconds = 0;
        for (long mark : marks.get(programs.get(0).getFileName().toString())) {
            List<Long> same = new ArrayList<>();
            for (List<Long> file : marks.values()) {
                file.stream().min(Comparator.comparingLong(m -> Math.abs(m - mark)))
                        .filter(m -> Math.abs(m - mark) <= 5 * 1000 / FPS).ifPresent(same::add);
            }
            if (same.size() < marks.size()) continue;
            seconds++;
            long spread = same.stream().mapToLong(Long::longValue).max().orElseThrow()
                    - same.stream().mapToLong(Long::longValue).min().orElseThrow();
            // offsets are whole milliseconds: one more for their rounding
            assertTrue("the second marked at " + same + " ms (" + marks.keySet() + ") within a frame; " + marks,
                    spread <= 1000 / FPS + 1);
        }
        // a loaded machine makes a camera miss a second's flash now and then (its picture comes too
        // late for the second's first frame), in its own file and the program alike
        assertTrue("marked in every file at least " + SECONDS / 3 + " of " + SECONDS + " seconds: " + marks,
                seconds >= SECONDS / 3);
    }

    private static List<Long> lessonMillis(List<Double> seconds, long offsetMillis) {
        return seconds.stream().map(s -> offsetMillis + Math.round(s * 1000)).toList();
    }

    /** Waits until the default classroom has been replaced by the one configured here. */
    private static void awaitCameraSize(Api api) throws Exception {
        Await.until("the classroom's cameras at " + CAMERA_W + "x" + CAMERA_H, 10, () -> {
            JsonNode d = api.device("virtual-101");
            return d != null && d.at("/sources/0/uri").asText().contains("size=" + CAMERA_W + "x" + CAMERA_H);
        });
    }
}
