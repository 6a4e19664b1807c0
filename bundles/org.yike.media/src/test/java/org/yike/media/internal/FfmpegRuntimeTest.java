package org.yike.media.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Test;

public class FfmpegRuntimeTest {

    @Test
    public void loadsTheLgplBuildWithItsEncodersAndTools() throws Exception {
        FfmpegRuntime runtime = FfmpegRuntime.load(Path.of("target", "yike-data"));
        assertTrue(runtime.ffmpegVersion(), runtime.ffmpegVersion().startsWith("8."));
        assertTrue(runtime.hasEncoder("libopenh264"));
        assertTrue(runtime.hasEncoder("aac"));
        assertFalse("the LGPL build has no x264", runtime.hasEncoder("libx264"));
        assertTrue(Files.isExecutable(runtime.ffmpeg()));
        assertTrue(Files.isExecutable(runtime.ffprobe()));
    }
}
