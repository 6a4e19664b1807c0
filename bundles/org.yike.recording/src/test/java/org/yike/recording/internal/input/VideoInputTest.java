package org.yike.recording.internal.input;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
     * A compressed camera off screen is not decoded for the program, but is for an analysis plugin that
     * wants its pictures: the plugin gets the same picture as the ffmpeg CLI makes of it.
     */
    @Test
    public void aCameraOffScreenIsDecodedForAnAnalysisPlugin() throws Exception {
        MediaRuntime media = MediaRuntime.outsideFramework();
        Path clip = Files.createTempFile("yike-camera", ".ts");
        try {
            Process encode = new ProcessBuilder(media.ffmpeg().toString(), "-v", "error", "-nostdin", "-y", "-f", "lavfi",
                    "-i", String.format(BARS, 320, 180), "-t", "2", "-c:v", "libopenh264", "-f", "mpegts", clip.toString())
                    .redirectErrorStream(true).start();
            assertEquals(new String(encode.getInputStream().readAllBytes()), 0, encode.waitFor());
            Process decode = new ProcessBuilder(media.ffmpeg().toString(), "-v", "error", "-nostdin", "-i", clip.toString(),
                    "-frames:v", "1", "-vf", "scale=160:90:flags=bilinear,format=gray", "-f", "rawvideo", "-")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] expected = decode.getInputStream().readAllBytes();
            assertEquals(0, decode.waitFor());

            PictureFeeds feeds = new PictureFeeds();
            Source camera = new Source("cam", "main", null, Role.STUDENT_WIDE, StreamLocator.of(clip.toString()));
            Profile profile = new Profile("recording", 320, 180, 25, 300, 25, 0, 48000, 1, "openh264");
            try (PictureSubscription s = feeds.subscribe(PictureRequest.of("cam/main", 160, 90, 25, PictureFormat.GREY));
                    VideoInput input = new VideoInput(camera, profile, (src, problem) -> { }, null, false, 5000, media,
                            feeds.tap("101", "lesson", camera))) {
                input.start();
                Picture p = s.take(20, TimeUnit.SECONDS);
                assertNotNull("a picture for the plugin", p);
                ByteBuffer program = ByteBuffer.allocateDirect(VideoFrame.bytes(320, 180));
                assertEquals("none for the program, which does not show it", 0, input.copyNewerThan(0, program));
                assertEquals(expected.length, p.data().length);
                long difference = 0;
                for (int i = 0; i < expected.length; i++) difference += Math.abs((expected[i] & 0xFF) - (p.data()[i] & 0xFF));
                assertTrue("the CLI's picture, give or take rounding: mean difference " + (double) difference / expected.length,
                        difference < expected.length * 2L);
            }
        } finally {
            Files.deleteIfExists(clip);
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
