package org.yike.encoder.openh264.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.media.MediaRuntime;
import org.yike.media.Mp4Encodings;

/** The default backend: OpenH264, inside the LGPL FFmpeg build, on any CPU. */
@Component
public class OpenH264Backend implements EncoderBackend {

    static final String ID = "openh264";
    private static final String ENCODER = "libopenh264";
    /** OpenH264 would drop frames to hold the bitrate; a lesson keeps every frame. */
    private static final Map<String, String> OPTIONS = Map.of("allow_skip_frames", "0", "rc_mode", "bitrate");

    private final boolean available;

    @Activate
    public OpenH264Backend(@Reference MediaRuntime media) {
        this.available = media.hasEncoder(ENCODER) && media.hasEncoder("aac");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Encoding open(Profile profile, Path file) throws IOException {
        return Mp4Encodings.open(profile, file, ENCODER, OPTIONS);
    }
}
