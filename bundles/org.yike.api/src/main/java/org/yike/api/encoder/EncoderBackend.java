package org.yike.api.encoder;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.annotation.versioning.ConsumerType;

/** Encodes a program to H.264 video and AAC audio in an MP4 file, and where it can, to live packets too. */
@ConsumerType
public interface EncoderBackend {

    /** Short stable name that profiles refer to: {@code openh264}, {@code x264}, {@code nvenc}. */
    String id();

    /** Whether this backend can encode here (an NVENC backend without a GPU cannot). */
    default boolean available() {
        return true;
    }

    Encoding open(Profile profile, Path file) throws IOException;

    /**
     * Opens an encoding that also hands each packet to {@code packets} as it leaves the encoder. A
     * backend that cannot tap its packets (an encoder in another process) keeps this default: its
     * file is written, and nobody can watch it live.
     */
    default Encoding open(Profile profile, Path file, PacketSink packets) throws IOException {
        return open(profile, file);
    }
}
