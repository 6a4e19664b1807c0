package org.yike.api.connector;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A logged-in session on a target's base folder. Paths are relative to it, with {@code /} between
 * folders, and may hold any Unicode character but {@code /}. One thread at a time.
 */
@ConsumerType
public interface RemoteFolder extends Closeable {

    /** The size of the file at {@code path} in bytes, or -1 where there is none. */
    long size(String path) throws IOException;

    /**
     * Writes the file at {@code path} from {@code offset}: 0 makes it anew, a larger offset keeps
     * its first {@code offset} bytes and appends (a resumed transfer). Missing folders are made.
     * Closing the stream completes the transfer, and throws if the server did not take it all.
     */
    OutputStream write(String path, long offset) throws IOException;

    /** Renames {@code from} to {@code to}, replacing a file already at {@code to}. */
    void rename(String from, String to) throws IOException;

    /** Deletes the file at {@code path}; nothing where there is none. */
    void delete(String path) throws IOException;
}
