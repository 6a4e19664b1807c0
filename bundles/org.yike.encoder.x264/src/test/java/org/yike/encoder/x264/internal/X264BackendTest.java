package org.yike.encoder.x264.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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

public class X264BackendTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void encodesThroughTheGplFfmpegProcess() throws Exception {
        X264Backend backend = new X264Backend(Path.of("target", "yike-data"));
        assertTrue("the GPL ffmpeg with x264 is extracted and runs", backend.available());
        Profile profile = new Profile("test", 320, 180, 25, 500, 50, 64, 48000, 2, "x264");
        Path file = tmp.getRoot().toPath().resolve("lesson/program.mp4");
        try (Encoding e = backend.open(profile, file)) {
            for (int n = 0; n < 150; n++) {
                ByteBuffer picture = ByteBuffer.allocateDirect(VideoFrame.bytes(640, 360));
                for (int i = 0; i < 640 * 360; i++) picture.put((byte) ((i / 640 + n * 3) & 0xFF));
                picture.clear();
                e.video(new VideoFrame(640, 360, n * 40_000L, picture));
                ShortBuffer tone = ShortBuffer.allocate(1920 * 2);
                for (int i = 0; i < 1920; i++) {
                    short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * (n * 1920 + i) / 48000.0));
                    tone.put(s).put(s);
                }
                e.audio(new AudioChunk(48000, 2, n * 40_000L, tone.flip()));
            }
        }
        MediaInfo info = MediaRuntime.outsideFramework().probe(file);
        MediaInfo.Stream video = info.video().orElseThrow();
        assertEquals("h264", video.codec());
        assertEquals("scaled by the process to the profile", 320, video.width());
        assertEquals(25.0, video.frameRate(), 0.01);
        assertEquals(150, info.videoFrameTimes().size());
        assertEquals("aac", info.audio().orElseThrow().codec());
        assertEquals(6.0, info.durationSeconds(), 0.1);
        assertFalse("the sound pipe is gone", Files.exists(file.resolveSibling("program.mp4.pcm")));
    }

    @Test
    public void aProfileWithoutSoundNeedsNoSoundPipe() throws Exception {
        Profile own = new Profile("resource", 320, 180, 25, 300, 50, 0, 48000, 2, "x264");
        Path file = tmp.getRoot().toPath().resolve("lesson/resource.mp4");
        try (Encoding e = new X264Backend(Path.of("target", "yike-data")).open(own, file)) {
            assertFalse("no pipe made", Files.exists(file.resolveSibling("resource.mp4.pcm")));
            for (int n = 0; n < 50; n++) {
                e.video(new VideoFrame(320, 180, own.frameTimeMicros(n), ByteBuffer.allocateDirect(VideoFrame.bytes(320, 180))));
            }
        }
        MediaInfo info = MediaRuntime.outsideFramework().probe(file);
        assertEquals(320, info.video().orElseThrow().width());
        assertTrue("no sound track", info.audio().isEmpty());
        assertEquals(50, info.videoFrameTimes().size());
    }
}
