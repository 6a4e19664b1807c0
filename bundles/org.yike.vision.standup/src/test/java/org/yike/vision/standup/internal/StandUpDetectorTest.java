package org.yike.vision.standup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Test;
import org.yike.api.device.ClassroomEvent.Type;
import org.yike.vision.standup.internal.StandUpDetector.Change;
import org.yike.vision.standup.internal.StandUpDetector.Settings;
import org.yike.vision.standup.internal.StandUpDetector.Zone;
import org.yike.vision.standup.internal.SyntheticClassroom.Rise;

/** The detector on drawn classrooms at its default settings: 640x360 grey, 5 pictures a second. */
public class StandUpDetectorTest {

    static final Settings DEFAULTS = new Settings(List.of(Zone.parse("0,0.333,1,0.667")), Duration.ofSeconds(1), 50);
    private static final Instant START = Instant.parse("2026-12-08T08:00:00Z");
    private static final double FPS = 5;

    @Test
    public void aStudentRisingIsReportedWithinOneAndAHalfSecondsAndSittingDownAfter() {
        for (int seat : new int[] {14, 3}) { // front row, and the smallest student at the back
            Rise rise = new Rise(seat, 10, 3);
            List<Change> changes = watch(new SyntheticClassroom(0.2, 3).rise(rise), 20);
            assertEquals("seat " + seat + ": " + changes, 2, changes.size());

            Change up = changes.get(0);
            assertEquals(Type.STUDENT_STOOD_UP, up.type());
            double reported = seconds(up.time());
            assertTrue("seat " + seat + " reported at " + reported + " s, rose at 10 s", reported >= 10 + 1 && reported <= 10 + 1.5);
            double[] seatAt = SyntheticClassroom.seatAt(seat);
            assertEquals("where the student rose", seatAt[0], up.x(), 0.03);
            assertTrue("rose at y " + up.y() + ", between the head up and the desk", up.y() > seatAt[1] && up.y() < seatAt[2]);

            Change down = changes.get(1);
            assertEquals(Type.STUDENT_SAT_DOWN, down.type());
            double sat = seconds(down.time());
            assertTrue("seat " + seat + " sat down from " + rise.sitsFrom() + " s, reported at " + sat + " s",
                    sat > rise.sitsFrom() && sat <= rise.sitsFrom() + rise.move() + 1.5);
            assertEquals(seatAt[0], down.x(), 0.03);
        }
    }

    @Test
    public void risingForLessThanTheTimeUpIsNotAStandUp() {
        // up in 0.3 s, 0.2 s there, down in 0.3 s: 0.8 s in all
        assertEquals(List.of(), watch(new SyntheticClassroom(0.05, 2).rise(new Rise(14, 10, 0.2, 0.3)), 20));
    }

    @Test
    public void tenMinutesOfAStillClassroomWithFlickeringLightAndMovingHeadsGiveAtMostOneStandUp() {
        List<Change> changes = watch(new SyntheticClassroom(0.2, 3), 600);
        long standUps = changes.stream().filter(c -> c.type() == Type.STUDENT_STOOD_UP).count();
        assertTrue("stand-ups in a still classroom: " + changes, standUps <= 1);
    }

    @Test
    public void aPictureFullOfMotionIsNoStandUp() throws Exception {
        // the virtual classroom's student camera (TestPattern.student): FFmpeg's game of life, moving
        // everywhere; at 960x540 for 30 s, scaled and greyed by the filter graph as Pictures would
        String life = "life=size=960x540:rate=25:mold=10:ratio=0.2:death_color=0x203040:life_color=0x90C0F0:seed=7,"
                + "fps=5,scale=640:360,format=gray";
        List<Change> changes = new ArrayList<>();
        int pictures = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(life); StandUpDetector detector = new StandUpDetector(DEFAULTS, null)) {
            g.setFormat("lavfi");
            g.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
            g.start();
            byte[] grey = new byte[640 * 360];
            for (Frame f; pictures < 30 * FPS && (f = g.grabImage()) != null; pictures++) {
                ByteBuffer rows = (ByteBuffer) f.image[0];
                for (int y = 0; y < 360; y++) rows.get(y * f.imageStride, grey, y * 640, 640);
                changes.addAll(detector.see(START.plusMillis(pictures * 200L), 640, 360, grey));
            }
        }
        assertEquals(150, pictures);
        assertEquals("stand-ups in a picture of moving noise", List.of(),
                changes.stream().filter(c -> c.type() == Type.STUDENT_STOOD_UP).toList());
    }

    /** What the detector reports of {@code seconds} of the classroom at 5 pictures a second. */
    static List<Change> watch(SyntheticClassroom room, double seconds) {
        List<Change> changes = new ArrayList<>();
        try (StandUpDetector detector = new StandUpDetector(DEFAULTS, null)) {
            for (int i = 0; i < seconds * FPS; i++) {
                double t = i / FPS;
                changes.addAll(detector.see(START.plusMillis(Math.round(t * 1000)), SyntheticClassroom.WIDTH,
                        SyntheticClassroom.HEIGHT, room.picture(t)));
            }
        }
        return changes;
    }

    private static double seconds(Instant time) {
        return Duration.between(START, time).toMillis() / 1000.0;
    }
}
