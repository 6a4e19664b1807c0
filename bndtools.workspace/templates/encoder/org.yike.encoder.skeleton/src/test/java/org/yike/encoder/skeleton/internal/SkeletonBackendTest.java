package org.yike.encoder.skeleton.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;

public class SkeletonBackendTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void encodesASecondThatFfprobeReadsBack() throws Exception {
        MediaRuntime media = MediaRuntime.outsideFramework();
        SkeletonBackend backend = new SkeletonBackend(codec("libopenh264"), media);
        assertTrue(backend.available());
        Profile profile = new Profile("test", 320, 240, 25, 500, 25, 64, 48000, 2, SkeletonBackend.ID);
        Path file = tmp.getRoot().toPath().resolve("program.mp4");
        try (Encoding encoding = backend.open(profile, file)) {
            for (int n = 0; n < 25; n++) {
                ByteBuffer picture = ByteBuffer.allocateDirect(VideoFrame.bytes(320, 240));
                encoding.video(new VideoFrame(320, 240, profile.frameTimeMicros(n), picture));
            }
        }
        MediaInfo.Stream video = media.probe(file).video().orElseThrow();
        assertEquals("h264", video.codec());
        assertEquals(320, video.width());
    }

    @Test
    public void anEncoderThisBuildLacksIsNotAvailable() throws Exception {
        assertFalse(new SkeletonBackend(codec("no_such_encoder"), MediaRuntime.outsideFramework()).available());
    }

    /** The configuration DS would pass. */
    private static SkeletonConfig codec(String name) {
        return new SkeletonConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SkeletonConfig.class;
            }

            @Override
            public String codec() {
                return name;
            }
        };
    }
}
