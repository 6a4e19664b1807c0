package org.yike.encoder.openh264.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.encoder.AudioChunk;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;
import org.yike.media.Probe;

public class OpenH264BackendTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void encodesTwoSecondsThatFfprobeReadsBack() throws Exception {
        Profile profile = new Profile("test", 320, 240, 25, 500, 50, 64, 48000, 2, "openh264");
        OpenH264Backend backend = new OpenH264Backend(runtime());
        assertTrue(backend.available());
        Path file = Path.of("target/encoded/program.mp4");
        Files.deleteIfExists(file);
        int frameBytes = VideoFrame.bytes(320, 240);
        try (Encoding encoding = backend.open(profile, file)) {
            for (int n = 0; n < 50; n++) {
                ByteBuffer picture = ByteBuffer.allocateDirect(frameBytes);
                for (int i = 0; i < frameBytes; i++) picture.put((byte) ((i + n * 7) & 0xFF));
                picture.flip();
                encoding.video(new VideoFrame(320, 240, n * profile.frameDurationMicros(), picture));
                encoding.audio(new AudioChunk(48000, 1, n * 40_000L, tone(1920, n * 1920)));
            }
        }
        MediaInfo info = new Probe(runtime().ffprobe()).probe(file);
        MediaInfo.Stream video = info.video().orElseThrow();
        assertEquals("h264", video.codec());
        assertEquals(320, video.width());
        assertEquals(25.0, video.frameRate(), 0.01);
        assertEquals("aac", info.audio().orElseThrow().codec());
        assertEquals(48000, info.audio().orElseThrow().sampleRate());
        assertEquals(2, info.audio().orElseThrow().channels());
        assertEquals("every frame kept", 50, info.videoFrameTimes().size());
        assertEquals(0.04, info.largestVideoGap(), 0.001);
        assertEquals(2.0, info.durationSeconds(), 0.1);
    }

    @Test
    public void framesOfAnotherSizeAreScaledToTheProfile() throws Exception {
        Profile mobile = new Profile("mobile", 160, 90, 25, 200, 50, 64, 48000, 2, "openh264");
        Path file = tmp.getRoot().toPath().resolve("mobile.mp4");
        try (Encoding encoding = new OpenH264Backend(runtime()).open(mobile, file)) {
            for (int n = 0; n < 10; n++) {
                ByteBuffer picture = ByteBuffer.allocateDirect(VideoFrame.bytes(320, 240));
                encoding.video(new VideoFrame(320, 240, n * mobile.frameDurationMicros(), picture));
            }
        }
        MediaInfo.Stream video = new Probe(runtime().ffprobe()).probe(file).video().orElseThrow();
        assertEquals(160, video.width());
        assertEquals(90, video.height());
    }

    @Test
    public void aProfileWithoutSoundMakesAFileOfPicturesOnly() throws Exception {
        Profile own = new Profile("resource", 320, 180, 30, 300, 60, 0, 48000, 2, "openh264");
        Path file = tmp.getRoot().toPath().resolve("resource.mp4");
        try (Encoding encoding = new OpenH264Backend(runtime()).open(own, file)) {
            for (int n = 0; n < 30; n++) {
                encoding.video(new VideoFrame(320, 180, own.frameTimeMicros(n), ByteBuffer.allocateDirect(VideoFrame.bytes(320, 180))));
            }
        }
        MediaInfo info = new Probe(runtime().ffprobe()).probe(file);
        assertEquals(320, info.video().orElseThrow().width());
        assertEquals(30.0, info.video().orElseThrow().frameRate(), 0.01);
        assertTrue("no sound track", info.audio().isEmpty());
        assertEquals(30, info.videoFrameTimes().size());
    }

    private static ShortBuffer tone(int samples, int offset) {
        ShortBuffer b = ShortBuffer.allocate(samples);
        for (int i = 0; i < samples; i++) b.put((short) (8000 * Math.sin(2 * Math.PI * 440 * (offset + i) / 48000.0)));
        return b.flip();
    }

    /** The media runtime as the framework would give it, made on the plain class path. */
    private static MediaRuntime runtime() throws java.io.IOException {
        return MediaRuntime.outsideFramework();
    }
}
