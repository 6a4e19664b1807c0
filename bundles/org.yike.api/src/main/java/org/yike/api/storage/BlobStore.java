package org.yike.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Blobs under keys: relative paths with {@code /} between folders ({@code recordings/101/…/program.mp4}),
 * each folder name any Unicode but {@code /}, never empty, {@code .} or {@code ..}. Registered with
 * the service property {@link #KIND}. Safe for several threads.
 */
@ProviderType
public interface BlobStore {

    /** Service property: which store this is, {@code local} or {@code s3}. */
    String KIND = "yike.storage";

    /**
     * Starts writing the blob at {@code key}. With {@code resume} an upload of the same key that an
     * earlier attempt left unfinished goes on from its {@link Upload#committed()} bytes; without, it
     * is discarded and the upload starts from nothing.
     */
    Upload upload(String key, boolean resume) throws IOException;

    /** Stores all of {@code content} at {@code key}, replacing a blob there. */
    default void put(String key, InputStream content) throws IOException {
        try (Upload u = upload(key, false)) {
            u.write(content);
            u.complete();
        }
    }

    /**
     * The bytes of the blob at {@code key} from {@code offset}, at most {@code length} of them
     * ({@code -1}: to its end). {@link java.nio.file.NoSuchFileException} when there is none.
     */
    InputStream get(String key, long offset, long length) throws IOException;

    Optional<BlobInfo> stat(String key) throws IOException;

    /** The blobs whose keys start with {@code prefix} ({@code ""}: all), by key. */
    List<BlobInfo> list(String prefix) throws IOException;

    /** Deletes the blob at {@code key}; nothing where there is none. */
    void delete(String key) throws IOException;

    /**
     * Where a player may fetch the blob itself, with byte ranges, without asking Yike (a presigned
     * URL of an object store, valid for a while); empty where Yike serves it through {@link #get}.
     */
    Optional<URI> playbackAddress(String key) throws IOException;

    /**
     * The lifecycle step: deletes the blobs under {@code prefix} last written before {@code before},
     * and returns how many.
     */
    default int deleteOlderThan(String prefix, Instant before) throws IOException {
        int deleted = 0;
        for (BlobInfo b : list(prefix)) {
            if (b.modified().isBefore(before)) {
                delete(b.key());
                deleted++;
            }
        }
        return deleted;
    }

    /** {@code key} when it is a key as {@link BlobStore} says, else {@link IllegalArgumentException}. */
    static String checkKey(String key) {
        boolean valid = key != null && !key.isEmpty();
        for (String name : valid ? key.split("/", -1) : new String[0]) {
            valid &= !name.isEmpty() && !name.equals(".") && !name.equals("..");
        }
        if (!valid) {
            throw new IllegalArgumentException("not a storage key: \"" + key
                    + "\" (a relative path with / between names, none of them empty, . or ..)");
        }
        return key;
    }
}
