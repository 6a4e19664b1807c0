package org.yike.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.PacketSink;
import org.yike.api.encoder.Profile;

/**
 * An encoder backend that is one H.264 encoder of the loaded FFmpeg build with its options, encoding
 * through {@link Mp4Encodings}; whether it can encode here is found once, at its start. A DS
 * component extending it names {@code service = EncoderBackend.class}.
 */
public abstract class Mp4Backend implements EncoderBackend {

    private final String id;
    private final String encoder;
    private final Map<String, String> options;
    private final String unavailable;

    /**
     * @param encoder the FFmpeg encoder, e.g. {@code libopenh264}
     * @param unavailable why it cannot encode here, {@code null} where it can
     */
    protected Mp4Backend(String id, String encoder, Map<String, String> options, String unavailable) {
        this.id = id;
        this.encoder = encoder;
        this.options = Map.copyOf(options);
        this.unavailable = unavailable;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean available() {
        return unavailable == null;
    }

    @Override
    public Encoding open(Profile profile, Path file) throws IOException {
        return open(profile, file, PacketSink.NONE);
    }

    @Override
    public Encoding open(Profile profile, Path file, PacketSink packets) throws IOException {
        if (unavailable != null) throw new IOException(id + " is not available here: " + unavailable);
        return Mp4Encodings.open(profile, file, encoder, options, packets);
    }
}
