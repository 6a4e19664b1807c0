package org.yike.media;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Present as a service once FFmpeg's native libraries are loaded in this JVM. Bundles that use
 * javacv reference it, so they start only where media works, and never before the native cache
 * folder is set.
 */
@ProviderType
public interface MediaRuntime {

    /** FFmpeg's version, e.g. {@code 8.0.1}. */
    String ffmpegVersion();

    /** The {@code ffmpeg} executable that came with the libraries (for out-of-process work and tools). */
    Path ffmpeg();

    /** The {@code ffprobe} executable that came with the libraries. */
    Path ffprobe();

    /** Reads a media file's streams, duration and frame times with {@link #ffprobe()}. */
    default MediaInfo probe(Path file) throws java.io.IOException {
        return new Probe(ffprobe()).probe(file);
    }

    /** Whether this FFmpeg build has an encoder of that name ({@code libopenh264}, {@code aac}). */
    boolean hasEncoder(String name);
}
