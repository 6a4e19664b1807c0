package org.yike.api.encoder;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/** Encodes a program to H.264 video and AAC audio in an MP4 file. */
@ConsumerType
public interface EncoderBackend {

    /** Short stable name that profiles refer to: {@code openh264}, {@code x264}, {@code nvenc}. */
    String id();

    /** Whether this backend can encode here (an NVENC backend without a GPU cannot). */
    default boolean available() {
        return true;
    }

    Encoding open(Profile profile, Path file) throws IOException;
}
