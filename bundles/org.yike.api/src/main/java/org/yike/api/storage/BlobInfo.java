package org.yike.api.storage;

import java.time.Instant;

/** A stored blob: its key, its size in bytes and when it was last written. */
public record BlobInfo(String key, long size, Instant modified) {
}
