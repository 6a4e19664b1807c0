package org.yike.recording.internal.output;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.media.MediaInfo;
import org.yike.media.Mp4Encodings;
import org.yike.media.MediaRuntime;

/**
 * A raw source's own file on the lesson's clock, as the program shows its pictures: each in the
 * first frame at or after it came and held until a newer one, the newest of two in one frame,
 * pictures from before the clock no part of it; the file begins a whole number of frames in.
 */
public class RawResourceTest {

    private static final int W = 160;
    private static final int H = 90;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void picturesGoIntoTheLessonsFramesTheyCameBefore() throws Exception {
        Profile own = RawResource.of("virtual-101/courseware", W, H, 25, 200, Profile.recording1080p());
        assertFalse("pictures only", own.hasSound());
        assertEquals("a key frame every 2 s, as the recording profile's", 50, own.gopFrames());
        Path file = tmp.getRoot().toPath().resolve("resource.mp4");
        AtomicLong clock = new AtomicLong(RawResource.NOT_STARTED);
        List<Long> offsets = new ArrayList<>();
        RawResource raw = new RawResource(own, Mp4Encodings.open(own, file, "libopenh264", Map.of()), "test",
                clock::get, offsets::add);

        raw.picture(grey(250)); // before the lesson's clock
        long[] cameAtMillis = {10, 50, 130, 135, 170};
        int[] greys = {40, 120, 200, 90, 160};
        for (int i = 0; i < greys.length; i++) {
            clock.set(cameAtMillis[i] * 1_000_000);
            raw.picture(grey(greys[i]));
        }
        raw.finish();

        assertEquals("the file begins at the lesson's frame 1", List.of(40_000L), offsets);
        assertEquals("frames 1 to 5 of the lesson: 120 held in frame 3, 90 came after 200 in frame 4",
                List.of(40, 120, 120, 90, 160), greys(file));
        MediaInfo info = MediaRuntime.outsideFramework().probe(file);
        assertEquals(W, info.video().orElseThrow().width());
        assertTrue("no sound track", info.audio().isEmpty());
    }

    private static ByteBuffer grey(int luma) {
        ByteBuffer b = ByteBuffer.allocateDirect(VideoFrame.bytes(W, H));
        for (int i = 0; i < b.capacity(); i++) b.put(i, (byte) (i < W * H ? luma : 128));
        return b;
    }

    private static List<Integer> greys(Path file) throws Exception {
        List<Integer> greys = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            for (Frame f; (f = g.grabImage()) != null;) {
                int luma = ((ByteBuffer) f.image[0]).get(H / 2 * f.imageStride + W / 2) & 0xFF;
                greys.add(Math.round(luma / 10f) * 10);
            }
        }
        return greys;
    }
}
