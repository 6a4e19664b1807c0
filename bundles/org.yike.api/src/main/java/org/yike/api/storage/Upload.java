package org.yike.api.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One blob being written, perhaps over several attempts: {@link BlobStore#upload} resumes what an
 * interrupted attempt left, and the writer sends its content from {@link #committed()} on. Nothing
 * is readable under the key until {@link #complete()}. One thread at a time.
 */
@ProviderType
public interface Upload extends Closeable {

    String key();

    /**
     * How many bytes from the start of the content the store holds safely: at first what earlier
     * attempts left, then growing as this one writes (a multipart store counts whole parts only).
     */
    long committed();

    /** Appends after what was written before. */
    void write(byte[] b, int off, int len) throws IOException;

    /** Appends all of {@code content}; returns the number of bytes read. */
    default long write(InputStream content) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = content.read(buffer)) >= 0; total += n) {
            write(buffer, 0, n);
        }
        return total;
    }

    /** Makes the blob readable under its key, replacing one there. */
    void complete() throws IOException;

    /** Discards what this upload and the attempts before it stored. */
    void abort() throws IOException;

    /**
     * Ends this attempt. Without {@link #complete()} or {@link #abort()} the store keeps what was
     * {@link #committed()} for a later attempt to resume from.
     */
    @Override
    void close() throws IOException;
}
