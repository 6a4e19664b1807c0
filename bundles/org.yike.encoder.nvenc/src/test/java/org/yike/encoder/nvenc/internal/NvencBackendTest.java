package org.yike.encoder.nvenc.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.media.MediaRuntime;
import org.yike.media.Probe;

/** Runs where it can: without NVENC the backend says so and refuses; with it, it encodes. */
public class NvencBackendTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Profile profile = new Profile("test", 320, 240, 25, 500, 50, 64, 48000, 2, "nvenc");

    @Test
    public void withoutAGpuItIsUnavailableAndRefusesWithAReason() throws Exception {
        NvencBackend backend = new NvencBackend(runtime(), Path.of("target", "yike-data"));
        assumeTrue("this machine has NVENC", !backend.available());
        try {
            backend.open(profile, tmp.getRoot().toPath().resolve("x.mp4"));
            throw new AssertionError("opened without NVENC");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("nvenc is not available here: no NVIDIA GPU"));
        }
    }

    @Test
    public void withAGpuItEncodesH264() throws Exception {
        NvencBackend backend = new NvencBackend(runtime(), Path.of("target", "yike-data"));
        assumeTrue("no NVENC on this machine", backend.available());
        Path file = tmp.getRoot().toPath().resolve("nvenc.mp4");
        try (Encoding e = backend.open(profile, file)) {
            for (int n = 0; n < 25; n++) {
                e.video(new VideoFrame(320, 240, n * 40_000L, ByteBuffer.allocateDirect(VideoFrame.bytes(320, 240))));
            }
        }
        assertEquals("h264", new Probe(runtime().ffprobe()).probe(file).video().orElseThrow().codec());
    }

    /** The media runtime as the framework would give it, made on the plain class path. */
    private static MediaRuntime runtime() throws java.io.IOException {
        return MediaRuntime.outsideFramework();
    }
}
