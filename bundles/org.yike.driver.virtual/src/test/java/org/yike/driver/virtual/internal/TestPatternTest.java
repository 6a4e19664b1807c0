package org.yike.driver.virtual.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Test;
import org.yike.api.device.StreamLocator;
import org.yike.kit.driver.ComponentConfig;

/** Decodes real frames from each virtual source and reads its colour key back. */
public class TestPatternTest {

    private final TestPattern pattern = new TestPattern(320, 180, 25, ComponentConfig.of(VirtualClassroomConfig.class, Map.of()).font(), 1, false);

    @Test
    public void eachCameraShowsItsOwnColourKey() throws Exception {
        assertEquals("red", keyColour(pattern.teacher("TEACHER 101")));
        assertEquals("green", keyColour(pattern.student("STUDENTS 101")));
        assertEquals("blue", keyColour(pattern.courseware("COURSEWARE 101", 30)));
    }

    @Test
    public void theTeacherFlashesOnTheFirstFrameOfEverySecond() throws Exception {
        try (FFmpegFrameGrabber g = open(pattern.teacher("T"))) {
            StringBuilder lit = new StringBuilder();
            for (int n = 0; n < 30; n++) {
                Frame f = g.grabImage();
                int luma = ((ByteBuffer) f.image[0]).get(5 * 320 + 315) & 0xFF;
                lit.append(luma > 230 ? '*' : '.');
            }
            assertEquals("*........................*....", lit.toString());
        }
    }

    @Test
    public void camerasOpenedAtDifferentMomentsLightTheirWallClockMarkerTogether() throws Exception {
        List<StreamLocator> cameras = List.of(pattern.teacher("T"), pattern.student("S"), pattern.courseware("C", 0));
        long until = System.currentTimeMillis() + 5500;
        ExecutorService readers = Executors.newFixedThreadPool(cameras.size());
        List<Future<List<Long>>> reading = new ArrayList<>();
        try {
            // each on its own thread and opened 300 ms after the one before, as a lesson reads its sources
            for (StreamLocator camera : cameras) {
                reading.add(readers.submit(() -> wallClockMarks(camera, until)));
                Thread.sleep(300);
            }
            TreeMap<Long, List<Long>> bySecond = new TreeMap<>();
            for (Future<List<Long>> r : reading) {
                for (long mark : marks(r)) {
                    assertTrue("lit within the first frame of a wall-clock second: " + mark % 1_000_000 + " us into it",
                            mark % 1_000_000 < 1_000_000 / 25);
                    bySecond.computeIfAbsent(mark / 1_000_000, s -> new ArrayList<>()).add(mark);
                }
            }
            long together = bySecond.values().stream().filter(m -> m.size() == cameras.size()).count();
            assertTrue("all three cameras lit together in at least 3 seconds: " + bySecond, together >= 3);
        } finally {
            readers.shutdownNow();
        }
    }

    private static List<Long> marks(Future<List<Long>> reading) throws Exception {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) throw a;
            throw e;
        }
    }

    /** Wall-clock times (microseconds) of the frames with the bottom-left marker lit, read until {@code untilMillis}. */
    private static List<Long> wallClockMarks(StreamLocator camera, long untilMillis) throws Exception {
        List<Long> lit = new ArrayList<>();
        try (FFmpegFrameGrabber g = open(camera)) {
            for (Frame f; System.currentTimeMillis() < untilMillis && (f = g.grabImage()) != null;) {
                long now = System.currentTimeMillis() * 1000;
                assertTrue("stamped with the wall clock: " + f.timestamp + " us, read at " + now,
                        Math.abs(now - f.timestamp) < 500_000);
                if ((((ByteBuffer) f.image[0]).get((f.imageHeight - 5) * f.imageStride + 5) & 0xFF) > 230) {
                    lit.add(f.timestamp);
                }
            }
        }
        return lit;
    }

    @Test
    public void theTimeCodeReadsBackAsTheWallClockOfEachPicture() throws Exception {
        TestPattern coded = new TestPattern(320, 180, 25, null, 1, true);
        try (FFmpegFrameGrabber g = open(coded.student("S"))) {
            for (int n = 0; n < 10; n++) {
                Frame f = g.grabImage();
                long made = f.timestamp / 1000;
                assertEquals("frame " + n + " made at " + made, made & 0xFFFF_FFFFL, timeCode(f));
            }
        }
    }

    /** The cells read as a browser reads them: each cell's centre, white is 1. */
    private static long timeCode(Frame f) {
        ByteBuffer y = (ByteBuffer) f.image[0];
        int cell = f.imageWidth / TestPattern.TIME_CODE_BITS;
        int row = f.imageHeight / 2;
        long code = 0;
        for (int bit = 0; bit < TestPattern.TIME_CODE_BITS; bit++) {
            if ((y.get(row * f.imageStride + bit * cell + cell / 2) & 0xFF) > 128) code |= 1L << bit;
        }
        return code;
    }

    @Test
    public void sourcesRunInRealTime() throws Exception {
        try (FFmpegFrameGrabber g = open(pattern.teacher("T"))) {
            long start = System.nanoTime();
            for (int i = 0; i < 13; i++) g.grabImage();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue("13 frames at 25 fps take about half a second, took " + seconds, seconds > 0.35);
        }
    }

    @Test
    public void microphoneDeliversAudio() throws Exception {
        try (FFmpegFrameGrabber g = open(pattern.microphone(440, null))) {
            Frame f = g.grabSamples();
            assertNotNull(f);
            assertEquals(48000, g.getSampleRate());
        }
    }

    @Test
    public void badConfigurationIsExplainedNotThrown() {
        assertNull(VirtualClassroom.problem(ComponentConfig.of(VirtualClassroomConfig.class, Map.of())));
        String p = VirtualClassroom.problem(ComponentConfig.of(VirtualClassroomConfig.class, Map.of("width", 1921, "fps", 0, "id", "a b")));
        assertTrue(p, p.contains("width 1921") && p.contains("fps 0") && p.contains("id 'a b'"));
    }

    static FFmpegFrameGrabber open(StreamLocator locator) throws Exception {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(locator.uri());
        g.setFormat(locator.format());
        g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        g.start();
        return g;
    }

    /** The colour of the key square in the bottom-right corner, from its Y, U and V. */
    static String keyColour(StreamLocator locator) throws Exception {
        try (FFmpegFrameGrabber g = open(locator)) {
            Frame f = g.grabImage();
            int w = f.imageWidth, h = f.imageHeight;
            // javacv limits the buffer to the Y plane; U and V follow it in the same allocation.
            ByteBuffer b = ((ByteBuffer) f.image[0]).duplicate();
            b.limit(b.capacity());
            int x = w - 4, y = h - 4;
            int luma = b.get(y * w + x) & 0xFF;
            int u = b.get(w * h + (y / 2) * (w / 2) + x / 2) & 0xFF;
            int v = b.get(w * h + (w / 2) * (h / 2) + (y / 2) * (w / 2) + x / 2) & 0xFF;
            if (v > 200 && u < 128) return "red";
            if (u > 200 && v < 128) return "blue";
            if (u < 80 && v < 80 && luma > 100) return "green";
            return "unknown y=" + luma + " u=" + u + " v=" + v;
        }
    }
}
