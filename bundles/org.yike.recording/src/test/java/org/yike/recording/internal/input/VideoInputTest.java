package org.yike.recording.internal.input;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.Test;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.api.vision.PictureRequest;
import org.yike.api.vision.PictureSubscription;
import org.yike.media.MediaRuntime;
import org.yike.media.ReaderState;
import org.yike.recording.internal.vision.PictureFeeds;

/** A raw source's pictures as the program gets them, against the same picture from the ffmpeg CLI. */
public class VideoInputTest {

    /** A still picture: every frame the same, so any one of them compares. */
    private static final String BARS = "smptehdbars=size=%dx%d:rate=25";

    @Test
    public void picturesOfEveryWidthArriveWhole() throws Exception {
        MediaRuntime media = MediaRuntime.outsideFramework();
        // 160 and 352 (CIF) wide: FFmpeg pads their chroma rows; 320 is packed as it comes
        for (int[] size : new int[][] {{160, 90}, {352, 288}, {320, 180}}) {
            int w = size[0], h = size[1];
            String graph = String.format(BARS, w, h);
            byte[] expected = cliFrame(media, graph);
            Source source = new Source("test", "bars", "bars", Role.COURSEWARE, new StreamLocator(graph, "lavfi", Map.of()));
            Profile profile = new Profile("recording", w, h, 25, 300, 25, 0, 48000, 1, "openh264");
            try (VideoInput input = new VideoInput(source, profile, (s, problem) -> { }, null, false, 5000, media, null)) {
                input.start();
                ByteBuffer picture = ByteBuffer.allocateDirect(VideoFrame.bytes(w, h));
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (input.copyNewerThan(0, picture) == 0) {
                    if (System.nanoTime() > deadline) throw new AssertionError("no picture from " + graph);
                    Thread.sleep(10);
                }
                byte[] got = new byte[picture.remaining()];
                picture.get(got);
                assertEquals(w + "x" + h, expected.length, got.length);
                assertArrayEquals(w + "x" + h + ": the same picture as the CLI's", expected, got);
            }
        }
    }

    /**
     * A compressed camera off screen is decoded for an analysis plugin that wants its pictures: the
     * plugin gets the same picture as the ffmpeg CLI makes of it. (Whether the program got one is not
     * asked: the clip is read faster than real time, and its end puts the lost camera's slate up.) Wanted more
     * often than key frames come (25 a second, a key frame only at the start), every packet is decoded.
     */
    @Test
    public void aCameraOffScreenIsDecodedForAnAnalysisPlugin() throws Exception {
        assertEquals("key frames decoded alone", 0, offScreenPictures(null, 25, 3));
    }

    /** Wanted no more often than key frames come (4 a second; a key frame each 5 of 25), those alone are decoded. */
    @Test
    public void keyFramesAloneAreDecodedWhenTheyComeOftenEnough() throws Exception {
        assertTrue("key frames decoded alone", offScreenPictures(5, 4, 4) >= 3);
    }

    /**
     * Takes {@code count} pictures of an off-screen H.264 camera (a key frame each {@code gop} frames, or the
     * encoder's default) at {@code fps} for a plugin, each compared with the CLI's; answers how many key
     * frames the reader decoded alone.
     */
    private static long offScreenPictures(Integer gop, double fps, int count) throws Exception {
        MediaRuntime media = MediaRuntime.outsideFramework();
        Path clip = Files.createTempFile("yike-camera", ".ts");
        try {
            List<String> command = new ArrayList<>(List.of(media.ffmpeg().toString(), "-v", "error", "-nostdin", "-y", "-f", "lavfi",
                    "-i", String.format(BARS, 320, 180), "-t", "4", "-c:v", "libopenh264"));
            if (gop != null) command.addAll(List.of("-g", gop.toString()));
            command.addAll(List.of("-f", "mpegts", clip.toString()));
            Process encode = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertEquals(new String(encode.getInputStream().readAllBytes()), 0, encode.waitFor());
            Process decode = new ProcessBuilder(media.ffmpeg().toString(), "-v", "error", "-nostdin", "-i", clip.toString(),
                    "-frames:v", "1", "-vf", "scale=160:90:flags=bilinear,format=gray", "-f", "rawvideo", "-")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] expected = decode.getInputStream().readAllBytes();
            assertEquals(0, decode.waitFor());

            PictureFeeds feeds = new PictureFeeds();
            Source camera = new Source("cam", "main", null, Role.STUDENT_WIDE, StreamLocator.of(clip.toString()));
            Profile profile = new Profile("recording", 320, 180, 25, 300, 25, 0, 48000, 1, "openh264");
            try (PictureSubscription s = feeds.subscribe(PictureRequest.of("cam/main", 160, 90, fps, PictureFormat.GREY));
                    VideoInput input = new VideoInput(camera, profile, (src, problem) -> { }, null, false, 5000, media,
                            feeds.tap("101", "lesson", camera))) {
                input.start();
                for (int n = 1; n <= count; n++) {
                    Picture p = s.take(20, TimeUnit.SECONDS);
                    assertNotNull("picture " + n + " for the plugin", p);
                    assertEquals(expected.length, p.data().length);
                    long difference = 0;
                    for (int i = 0; i < expected.length; i++) difference += Math.abs((expected[i] & 0xFF) - (p.data()[i] & 0xFF));
                    assertTrue("picture " + n + " is the CLI's, give or take rounding: mean difference "
                            + (double) difference / expected.length, difference < expected.length * 2L);
                }
                return input.keyFramesDecodedAlone();
            }
        } finally {
            Files.deleteIfExists(clip);
        }
    }

    /**
     * The source's state comes from the reader's own reads, told to the media runtime: connected with
     * what it carries and its figures, lost with the reason when it ends, connected again when it is
     * back; nothing once the reader has stopped.
     */
    @Test
    public void theSourcesStateComesFromItsOwnReads() throws Exception {
        MediaRuntime media = MediaRuntime.outsideFramework();
        StreamLocator locator = new StreamLocator("testsrc2=size=160x120:rate=25:duration=2,realtime", "lavfi", Map.of());
        Source source = new Source("cam", "video", "cam", Role.STUDENT_WIDE, locator);
        Profile profile = new Profile("recording", 160, 120, 25, 300, 25, 0, 48000, 1, "openh264");
        try (VideoInput input = new VideoInput(source, profile, (s, problem) -> { }, null, false, 5000, media, null)) {
            input.start();
            ReaderState reading = await(media, locator, "connected and measured", s -> s.carried() != null && s.figures() != null);
            assertEquals(160, reading.carried().video().orElseThrow().width());
            assertEquals(25, reading.figures().framesPerSecond(), 1);
            assertEquals("the source ended", await(media, locator, "lost", s -> s.problem() != null).problem());
            await(media, locator, "back", s -> s.carried() != null);
        }
        assertTrue("no reader once it stopped", media.reader(locator).isEmpty());
    }

    private static ReaderState await(MediaRuntime media, StreamLocator locator, String what, Predicate<ReaderState> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (;;) {
            ReaderState state = media.reader(locator).orElseThrow();
            if (until.test(state)) return state;
            if (System.nanoTime() > deadline) throw new AssertionError("not " + what + " within 20 s: " + state);
            Thread.sleep(5);
        }
    }

    private static byte[] cliFrame(MediaRuntime media, String graph) throws Exception {
        Process p = new ProcessBuilder(media.ffmpeg().toString(), "-v", "error", "-nostdin", "-f", "lavfi", "-i", graph,
                "-frames:v", "1", "-pix_fmt", "yuv420p", "-f", "rawvideo", "-").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] frame = p.getInputStream().readAllBytes();
        assertEquals("ffmpeg made the picture", 0, p.waitFor());
        return frame;
    }
}
