package org.yike.encoder.skeleton.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.media.MediaRuntime;
import org.yike.media.Mp4Encodings;

/**
 * A profile that names {@code skeleton} is encoded here. {@link #available()} is asked before each
 * lesson: answering false where the encoder cannot run makes the recording fall back to another.
 */
@Component(configurationPid = "org.yike.encoder.skeleton")
@Designate(ocd = SkeletonConfig.class)
public class SkeletonBackend implements EncoderBackend {

    static final String ID = "skeleton";

    private final String codec;
    private final boolean available;

    @Activate
    public SkeletonBackend(SkeletonConfig config, @Reference MediaRuntime media) {
        codec = config.codec();
        available = media.hasEncoder(codec) && media.hasEncoder("aac");
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
        return Mp4Encodings.open(profile, file, codec, Map.of());
    }
}
