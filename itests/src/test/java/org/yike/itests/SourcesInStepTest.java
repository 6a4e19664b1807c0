package org.yike.itests;

import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * All sources of a lesson share one clock: every virtual camera lights a marker in its bottom-left
 * corner on the first frame of each wall-clock second, and in a side-by-side program the
 * courseware's and the teacher's markers light in the same program frame, or at most one apart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SourcesInStepTest extends InYike {

    private static final int W = 640;
    private static final int H = 360;
    private static final int FPS = 25;
    private static final int SECONDS = 18;

    @Test
    public void coursewareAndTeacherMarkEachSecondInTheSameFrame() throws Exception {
        configureClassroom(Map.of("id", "virtual-101", "width", W, "height", H, "coursewareChangesEverySeconds", 1,
                "studentStandsEverySeconds", 0));
        // the first courseware change puts courseware and teacher side by side for the rest of the lesson
        configure("org.yike.director.classroom", Map.of("coursewareLayout", "SIDE_BY_SIDE", "coursewareMillis", 600_000L));
        configureRecording(SMALL_PROGRAM);

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, SECONDS * 1000); // the lesson tested
        Path program = Path.of(api.post("recordings/" + id + "/stop", "").body().get("files").get(0).get("path").asText());

        List<List<Long>> marks = marks(program);
        List<Long> gaps = new ArrayList<>();
        for (long courseware : marks.get(0)) {
            // the teacher's mark of the same second: the nearest, half a second either way at most
            marks.get(1).stream().filter(teacher -> Math.abs(teacher - courseware) < FPS / 2).findFirst()
                    .ifPresent(teacher -> gaps.add(teacher - courseware));
        }
        String seen = "marks at program frames: courseware " + marks.get(0) + ", teacher " + marks.get(1)
                + "; teacher minus courseware per second " + gaps;
        System.out.println("SourcesInStepTest: " + seen);
        assertTrue("both marked at least " + (SECONDS - 6) + " of " + SECONDS + " seconds: " + seen,
                gaps.size() >= SECONDS - 6);
        assertTrue("within one frame every second: " + seen, gaps.stream().allMatch(g -> Math.abs(g) <= 1));
    }

    /**
     * Program frames where each place of the side-by-side shot (0: courseware on the left, 1: teacher
     * on the right) lights its marker after a dark frame, counted only while that shot is on.
     */
    private static List<List<Long>> marks(Path file) throws Exception {
        // Composer's SIDE_BY_SIDE: each source at half size, side by side, centred in height
        int hw = W / 2, hh = H / 2, top = (H - hh) / 2;
        // TestPattern: the marker and the colour key are a twelfth of the picture's height
        int marker = hh / 12;
        List<List<Long>> marks = List.of(new ArrayList<>(), new ArrayList<>());
        boolean[] lit = {true, true};
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            for (Frame f; (f = g.grabImage()) != null;) {
                ByteBuffer b = ((ByteBuffer) f.image[0]).duplicate();
                b.limit(b.capacity());
                boolean sideBySide = Pictures.keyColour(b, W, H, hw - 4, top + hh - 4).equals("blue")
                        && Pictures.keyColour(b, W, H, W - 4, top + hh - 4).equals("red");
                for (int place = 0; place < 2; place++) {
                    // another shot counts as lit: a mark is a lit frame after a dark one of the same shot
                    boolean now = !sideBySide
                            || Pictures.white(b, W, H, place * hw + marker / 2, top + hh - marker / 2);
                    if (sideBySide && now && !lit[place]) marks.get(place).add(Math.round(f.timestamp * FPS / 1e6));
                    lit[place] = now;
                }
            }
        }
        return marks;
    }
}
