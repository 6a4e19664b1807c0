package org.yike.vision.tracking.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.junit.Test;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.ClassroomEvent.Type;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;

/**
 * A synthetic classroom the test draws itself, 320x180 grey at 8 pictures a second: a textured wall, a
 * dark board, the floor, light that flickers and sensor noise; a teacher (dark body, light face) who
 * stands, walks off the podium, pauses, walks back across the room and pauses again.
 */
public class TrackingSceneTest {

    private static final int W = 320;
    private static final int H = 180;
    private static final int FPS = 8;

    private final TrackingConfig config = defaults();

    private static final double WALK1 = (0.8 - 0.3) / 0.12;
    private static final double WALK2 = (0.8 - 0.2) / 0.15;

    /**
     * The teacher's x (0..1) at second t: stands at 0.3, walks to 0.8 at 0.12/s, pauses 3 s, walks back to
     * 0.2 at 0.15/s, pauses. A window half the picture wide can keep 0.25..0.75 in its middle: 0.2 and 0.8
     * are in its middle third at the picture's edges.
     */
    private static double teacherAt(double t) {
        if (t < 3) return 0.3;
        if (t < 3 + WALK1) return 0.3 + 0.12 * (t - 3);
        if (t < 6 + WALK1) return 0.8;
        if (t < 6 + WALK1 + WALK2) return 0.8 - 0.15 * (t - 6 - WALK1);
        return 0.2;
    }

    private static byte[] draw(double t, double teacherX, Random noise) {
        byte[] p = new byte[W * H];
        double flicker = 8 * Math.sin(2 * Math.PI * 1.3 * t);
        int cx = teacherX < 0 ? -1000 : (int) Math.round(teacherX * W);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double v = 150 + 30 * Math.sin(x / 23.0) * Math.cos(y / 17.0);
                if (y >= 20 && y < 70 && x >= 40 && x < 280) v = 50;
                if (y >= 150) v = 120;
                if (Math.abs(x - cx) <= 9 && y >= 70 && y < 150) v = 40;
                if (Math.abs(x - cx) <= 6 && y >= 55 && y < 70) v = 200;
                v += flicker + noise.nextInt(9) - 4;
                p[y * W + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return p;
    }

    private record Seen(double t, double teacherX, double center, List<ClassroomEvent> events) {
    }

    private List<Seen> play(double seconds, DoubleUnaryOperator teacher) {
        Follower follower = new Follower(config, "101", "cam/wide");
        Random noise = new Random(7);
        List<Seen> seen = new ArrayList<>();
        for (int n = 0; n < seconds * FPS; n++) {
            double t = (double) n / FPS;
            double x = teacher.applyAsDouble(t);
            Picture p = new Picture("101", "lesson", "cam/wide", n + 1, Instant.ofEpochMilli(Math.round(t * 1000)), W, H,
                    PictureFormat.GREY, draw(t, x, noise));
            List<ClassroomEvent> events = follower.see(p, Math.round(t * 1e9));
            seen.add(new Seen(t, x, follower.center(), events));
        }
        return seen;
    }

    @Test
    public void theWindowKeepsTheWalkingTeacherInItsMiddleThirdPanningCalmly() {
        List<Seen> seen = play(21, TrackingSceneTest::teacherAt);
        double third = config.windowWidth() / 6;
        double maxStep = config.maxPanSpeed() / FPS + 1e-9;
        double before = Double.NaN;
        for (Seen s : seen) {
            // from a second after the first step: until then the teacher still stands in their own ghost
            if (s.t() >= 4) {
                assertTrue("at " + s.t() + " s the teacher at " + s.teacherX() + " is in the middle third of the window at "
                        + s.center(), Math.abs(s.teacherX() - s.center()) <= third);
            }
            if (!Double.isNaN(before)) {
                assertTrue("at " + s.t() + " s the window moved " + Math.abs(s.center() - before), Math.abs(s.center() - before) <= maxStep);
            }
            before = s.center();
        }
        // no jitter: while the teacher pauses, a second after they stopped, the window stands still
        List<Double> paused = seen.stream().filter(s -> s.t() >= 4 + WALK1 && s.t() < 6 + WALK1).map(Seen::center).distinct().toList();
        assertEquals("one window position while the teacher pauses: " + paused, 1, paused.size());
        List<Double> end = seen.stream().filter(s -> s.t() >= 19.5).map(Seen::center).distinct().toList();
        assertEquals("one window position at the end: " + end, 1, end.size());

        List<Type> podium = new ArrayList<>();
        List<Double> podiumTimes = new ArrayList<>();
        for (Seen s : seen) {
            for (ClassroomEvent e : s.events()) {
                if (e.type() != Type.TEACHER_MOVED) {
                    podium.add(e.type());
                    podiumTimes.add(s.t());
                }
                assertEquals("101", e.classroom());
                assertEquals("cam", e.deviceId());
                assertEquals("wide", e.sourceId());
            }
        }
        assertEquals(List.of(Type.TEACHER_LEFT_PODIUM, Type.TEACHER_RETURNED, Type.TEACHER_LEFT_PODIUM), podium);
        // each told a second after it happened: off the podium (past 0.75) at 3 + 0.45 / 0.12 = 6.75 s; back at
        // 6 + WALK1 + 0.05 / 0.15 = 10.5 s; off at its other edge (0.25) at 6 + WALK1 + 0.55 / 0.15 = 13.8 s
        assertEquals("left at " + podiumTimes, 7.75, podiumTimes.get(0), 0.3);
        assertEquals("back at " + podiumTimes, 11.5, podiumTimes.get(1), 0.3);
        assertEquals("left again at " + podiumTimes, 14.8, podiumTimes.get(2), 0.3);
        long moves = seen.stream().flatMap(s -> s.events().stream()).filter(e -> e.type() == Type.TEACHER_MOVED).count();
        assertTrue("the window's moves are told, not every picture: " + moves, moves > 10 && moves < seen.size());
    }

    @Test
    public void flickerAndNoiseMoveNobody() {
        for (double teacher : new double[] {-1, 0.5}) {
            long events = play(60, t -> teacher).stream().mapToLong(s -> s.events().size()).sum();
            assertEquals("no event in a minute of " + (teacher < 0 ? "the empty room" : "a teacher standing still"), 0, events);
        }
    }

    private static TrackingConfig defaults() {
        return new TrackingConfig() {
            @Override public Class<? extends Annotation> annotationType() { return TrackingConfig.class; }
            @Override public String source() { return ""; }
            @Override public String role() { return "teacher_wide"; }
            @Override public int width() { return W; }
            @Override public int height() { return H; }
            @Override public int fps() { return FPS; }
            @Override public double bandTop() { return 0.1; }
            @Override public double bandBottom() { return 0.95; }
            @Override public int threshold() { return 24; }
            @Override public double windowWidth() { return 0.5; }
            @Override public double maxPanSpeed() { return 0.35; }
            @Override public double frameY() { return 0.45; }
            @Override public double podiumLeft() { return 0.25; }
            @Override public double podiumRight() { return 0.75; }
        };
    }
}
