package org.yike.media;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A live stream that a reader in this JVM has open ({@link MediaRuntime#reading}): the reader
 * tells what it reads, so that measuring the stream needs no second connection to the camera.
 * Called on the reader's thread for every packet: cheap while nobody measures.
 */
@ProviderType
public interface StreamReading extends AutoCloseable {

    /** No timestamp. */
    long UNTIMED = Long.MIN_VALUE;

    /** The reader read a picture of {@code bytes}, at {@code micros} of the stream's time (or {@link #UNTIMED}). */
    void picture(long micros, int bytes);

    /** The reader read a packet of {@code bytes} of another stream (its sound, say). */
    void other(int bytes);

    /** The reader has closed the stream: it is probed again from now on. */
    @Override
    void close();
}
