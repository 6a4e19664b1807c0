package org.yike.media;

import java.time.Duration;

import org.yike.api.device.StreamFigures;

/**
 * A live stream that a reader in this JVM has open ({@link MediaRuntime#reading}), as that reader
 * finds it now: a camera's state while a lesson records it, without a second connection.
 *
 * @param carried what the stream carries on the reader's connection; {@code null} while it has none
 * @param problem why the reader has no connection (it is connecting again); {@code null} while it has
 *        one, and while it opens its first
 * @param silent how long the reader has read nothing (since it connected, before its first packet)
 * @param figures the stream's figures over the last second of its time that the reader read;
 *        {@code null} until a second has been read on this connection
 */
public record ReaderState(MediaInfo carried, String problem, Duration silent, StreamFigures figures) {

    /** The reader has not connected yet and has not failed either: it is opening the stream. */
    public boolean opening() {
        return carried == null && problem == null;
    }
}
