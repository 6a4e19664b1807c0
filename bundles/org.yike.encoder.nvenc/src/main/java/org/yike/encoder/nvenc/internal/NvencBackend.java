package org.yike.encoder.nvenc.internal;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.encoder.EncoderBackend;
import org.yike.media.MediaRuntime;
import org.yike.media.Mp4Backend;
import org.yike.media.Mp4Encodings;
import org.yike.settings.FrameworkSettings;

/**
 * H.264 on the GPU. Every FFmpeg build has h264_nvenc, but it works only with an NVIDIA GPU that
 * has NVENC and its driver (data-centre GPUs such as the H100 have none), so availability is a
 * real attempt to open the encoder, once, at start.
 */
@Component(service = EncoderBackend.class)
public class NvencBackend extends Mp4Backend {

    static final String ID = "nvenc";
    static final String ENCODER = "h264_nvenc";
    private static final Logger LOG = LoggerFactory.getLogger(NvencBackend.class);
    /** p4: NVENC's balanced preset; constant bitrate, as the profile asks. */
    private static final Map<String, String> OPTIONS = Map.of("preset", "p4", "rc", "cbr");

    @Activate
    public NvencBackend(BundleContext context, @Reference MediaRuntime media) {
        this(media, FrameworkSettings.of(context).dataFolder());
    }

    /** @param dataFolder where a probe file is written to find out whether NVENC opens */
    NvencBackend(MediaRuntime media, Path dataFolder) {
        super(ID, ENCODER, OPTIONS, opens(media, dataFolder) ? null : "no NVIDIA GPU with a video encoder");
        LOG.info(available() ? "NVENC encoder available" : "NVENC encoder not available here (no NVIDIA GPU with NVENC)");
    }

    private static boolean opens(MediaRuntime media, Path dataFolder) {
        return media.hasEncoder(ENCODER) && Mp4Encodings.opens(ENCODER, dataFolder.resolve("native").resolve("nvenc-probe.mp4"));
    }
}
