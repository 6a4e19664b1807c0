package org.yike.encoder.openh264.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.encoder.EncoderBackend;
import org.yike.media.MediaRuntime;
import org.yike.media.Mp4Backend;

/** The default backend: OpenH264, inside the LGPL FFmpeg build, on any CPU. */
@Component(service = EncoderBackend.class)
public class OpenH264Backend extends Mp4Backend {

    static final String ID = "openh264";
    private static final String ENCODER = "libopenh264";
    /** OpenH264 would drop frames to hold the bitrate; a lesson keeps every frame. */
    private static final Map<String, String> OPTIONS = Map.of("allow_skip_frames", "0", "rc_mode", "bitrate");

    @Activate
    public OpenH264Backend(@Reference MediaRuntime media) {
        super(ID, ENCODER, OPTIONS, media.hasEncoder(ENCODER) && media.hasEncoder("aac") ? null
                : "this FFmpeg build has no " + ENCODER + " or no aac encoder");
    }
}
