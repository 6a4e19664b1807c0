package org.yike.media;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A live stream that a reader in this JVM has open ({@link MediaRuntime#reading}) for as long as it
 * reads it, across lost connections: the reader tells when it connects, what it reads and when its
 * connection is lost, so that the camera's state and figures need no second connection to the camera.
 * Called on the reader's thread for every packet: cheap.
 */
@ProviderType
public interface StreamReading extends AutoCloseable {

    /** No timestamp. */
    long UNTIMED = Long.MIN_VALUE;

    /** The reader has a connection: the stream carries {@code carried}; its packets follow. */
    void connected(MediaInfo carried);

    /** The reader read a picture of {@code bytes}, at {@code micros} of the stream's time (or {@link #UNTIMED}). */
    void picture(long micros, int bytes);

    /** The reader read a packet of {@code bytes} of another stream (its sound, say). */
    void other(int bytes);

    /** The reader's connection is gone, for {@code reason} (no credentials in it); it is connecting again. */
    void lost(String reason);

    /** The reader has stopped reading the stream: it is probed again from now on. */
    @Override
    void close();
}
