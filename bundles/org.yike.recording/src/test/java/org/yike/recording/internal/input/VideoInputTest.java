package org.yike.recording.internal.input;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;
import java.util.Map;

import org.junit.Test;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.media.MediaRuntime;

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

    private static byte[] cliFrame(MediaRuntime media, String graph) throws Exception {
        Process p = new ProcessBuilder(media.ffmpeg().toString(), "-v", "error", "-nostdin", "-f", "lavfi", "-i", graph,
                "-frames:v", "1", "-pix_fmt", "yuv420p", "-f", "rawvideo", "-").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] frame = p.getInputStream().readAllBytes();
        assertEquals("ffmpeg made the picture", 0, p.waitFor());
        return frame;
    }
}
