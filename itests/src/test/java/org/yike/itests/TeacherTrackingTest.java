package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Teacher tracking (org.yike.vision.tracking) in a lesson of the virtual classroom, whose teacher camera
 * shows a teacher walking between the podium (right) and the board (left) and which says nothing of it:
 * the tracker finds him in the camera's pictures, the classroom director shows the camera cropped to the
 * tracker's window, and in the program the teacher stays in the middle third from then on while he walks
 * across the room.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TeacherTrackingTest extends InYike {

    private static final int W = 640;
    private static final int H = 360;

    @Test
    public void theProgramFollowsTheTeacherAcrossTheRoom() throws Exception {
        configureRecording(SMALL_PROGRAM);
        configureClassroom(Map.of("id", "virtual-101", "width", W, "height", H, "people", true, "scriptedEvents", false,
                "studentStandsEverySeconds", 0, "coursewareChangesEverySeconds", 0));
        // the virtual classroom's one teacher camera (a 4K camera's part in a school); the podium on its right
        // the tracker registers no service to wait for: what it tells is what the test checks
        configurations.getConfiguration("org.yike.vision.tracking", "?")
                .update(new Hashtable<>(Map.of("role", "teacher", "podiumLeft", 0.6, "podiumRight", 1.0)));
        configure("org.yike.director.classroom", Map.of("teacherCropSize", 0.5, "idleMillis", 0L));

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        // the teacher stays 8 s at the podium, walks 4 s to the board, stays 8 s, walks back: one walk each way
        api.awaitRecorded(id, 30_000);
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        assertEquals("FINISHED", lesson.get("state").asText());
        Path program = Path.of(lesson.get("files").get(0).get("path").asText());
        JsonNode metadata = new ObjectMapper().readTree(program.resolveSibling("lesson.json").toFile());

        List<Double> moves = new ArrayList<>();
        long firstMove = -1;
        List<String> podium = new ArrayList<>();
        for (JsonNode e : metadata.get("classroomEvents")) {
            String type = e.get("type").asText();
            if (!type.startsWith("TEACHER_")) continue;
            assertEquals("virtual-101", e.get("device").asText());
            assertEquals("teacher", e.get("source").asText());
            if (type.equals("TEACHER_MOVED")) {
                if (firstMove < 0) firstMove = e.get("atMillis").asLong();
                moves.add(e.get("x").asDouble());
            } else {
                podium.add(type);
            }
        }
        assertTrue("the tracker followed the walk to the board (0.32): " + moves, moves.stream().anyMatch(x -> x < 0.4));
        assertTrue("and back towards the podium (0.81): " + moves, moves.stream().anyMatch(x -> x > 0.7));
        assertTrue("he left the podium and came back: " + podium, podium.containsAll(List.of("TEACHER_LEFT_PODIUM", "TEACHER_RETURNED")));
        assertTrue("reframes are no cuts: the timeline holds the opening shots only, not the " + moves.size() + " moves: "
                + metadata.get("decisions"), metadata.get("decisions").size() <= 2);

        // the program from a second after the tracker first told where he is: where is his jacket?
        List<String> outside = new ArrayList<>();
        int sampled = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(program.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            long from = (firstMove + 1000) * 1000;
            long next = from;
            for (Frame f; (f = g.grabImage()) != null;) {
                if (f.timestamp < next) continue;
                next = f.timestamp + 250_000;
                double x = jacket((ByteBuffer) f.image[0], f.imageWidth, f.imageHeight);
                if (Double.isNaN(x)) continue;
                sampled++;
                if (x < 1.0 / 3 || x > 2.0 / 3) outside.add(String.format("%.1f s: %.2f", f.timestamp / 1e6, x));
            }
        }
        assertTrue("the teacher seen in the program: " + sampled + " pictures", sampled > 40);
        assertEquals("the teacher in the program's middle third throughout", List.of(), outside);
    }

    /**
     * Where the teacher's jacket (0x34495E: dark, the only bluish thing in the room) is across an I420
     * picture, 0..1; {@code NaN} where it is not seen.
     */
    private static double jacket(ByteBuffer i420, int w, int h) {
        ByteBuffer b = i420.duplicate();
        b.limit(b.capacity()).position(0);
        long xs = 0;
        long n = 0;
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w / 2; x++) {
                int luma = b.get(2 * y * w + 2 * x) & 0xFF;
                int u = b.get(w * h + y * (w / 2) + x) & 0xFF;
                if (luma < 110 && u > 136) {
                    xs += x;
                    n++;
                }
            }
        }
        return n < 50 ? Double.NaN : (xs / (double) n + 0.5) / (w / 2);
    }
}
