package org.yike.api.encoder;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/** One file being encoded. Not thread-safe: one thread feeds it. Closing finishes the file. */
@ConsumerType
public interface Encoding extends AutoCloseable {

    void video(VideoFrame frame) throws IOException;

    void audio(AudioChunk chunk) throws IOException;

    @Override
    void close() throws IOException;
}
