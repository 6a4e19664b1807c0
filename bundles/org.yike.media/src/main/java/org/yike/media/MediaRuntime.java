package org.yike.media;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.yike.api.device.StreamLocator;
import org.yike.api.runtime.Settings;

/**
 * Present as a service once FFmpeg's native libraries are loaded in this JVM. Bundles that use
 * javacv reference it, so they start only where media works, and never before the native cache
 * folder is set.
 */
@ProviderType
public interface MediaRuntime {

    /**
     * Loads FFmpeg's native libraries into this JVM's class path, for code that runs outside an
     * OSGi framework (unit tests, benchmarks), with the data folder the system property
     * {@code yike.data} names (else {@code ./yike-data}); inside one, reference the service instead.
     */
    static MediaRuntime outsideFramework() throws IOException {
        return org.yike.media.internal.FfmpegRuntime.load(Path.of(System.getProperty(Settings.DATA, "yike-data")));
    }

    /** FFmpeg's version, e.g. {@code 8.0.1}. */
    String ffmpegVersion();

    /** The {@code ffmpeg} executable that came with the libraries (for out-of-process work and tools). */
    Path ffmpeg();

    /** The {@code ffprobe} executable that came with the libraries. */
    Path ffprobe();

    /** Reads a media file's streams, duration and frame times with {@link #ffprobe()}. */
    default MediaInfo probe(Path file) throws IOException {
        return new Probe(ffprobe()).probe(file);
    }

    /**
     * Opens a live stream in this JVM as the recording engine would (the locator's format and
     * options) and reads which streams it carries, without duration or frame times. Gives up after
     * {@code timeout} whatever the server does, and at once when the calling thread is interrupted.
     * The exception's message is FFmpeg's reason and never holds the URI, which may hold credentials.
     */
    MediaInfo probe(StreamLocator locator, Duration timeout) throws IOException;

    /**
     * {@link #probe(StreamLocator, Duration) Probes} a live stream, then reads its packets without
     * decoding them for {@code window} of the stream's own time (its first video stream's
     * timestamps, else its first stream's): what it carries and its figures over that window. The
     * window is counted in the stream's time, so packets buffered while probing count as they should;
     * {@code timeout} bounds it all.
     * <p>
     * A stream that a reader in this JVM has open ({@link #reading}) is not opened again: what it
     * carries and its figures are those its reader reads (over the last second of the stream's time
     * it read), and a reader without a connection makes this fail with its reason. A second
     * connection disturbs the one being recorded on some cameras and servers (each new client
     * restarts the stream for all of them).
     */
    StreamSample sample(StreamLocator locator, Duration timeout, Duration window) throws IOException;

    /**
     * Announces that the caller reads {@code locator}'s stream from now on, connection after
     * connection, until it closes the answer; meanwhile {@link #sample} and {@link #reader} tell the
     * stream's state from what the caller tells it reads.
     */
    StreamReading reading(StreamLocator locator);

    /** The stream as the reader that has it open ({@link #reading}) finds it now; empty where none has. */
    Optional<ReaderState> reader(StreamLocator locator);

    /**
     * Copies a file's streams into a new, ordinary MP4 (index at the front, no fragments), without
     * decoding: what a lesson cut off by a crash needs to play everywhere. {@code to} is replaced.
     */
    default void remux(Path from, Path to) throws IOException {
        new Executable(ffmpeg()).run(List.of("-v", "error", "-nostdin", "-y", "-i", from.toString(), "-map", "0",
                "-c", "copy", "-movflags", "+faststart", "-f", "mp4", to.toString()), 600);
    }

    /**
     * Cuts a file's video and sound into an HLS VOD playlist ({@code index.m3u8}, {@code init.mp4} and
     * fMP4 segments of about {@code segmentSeconds}, each starting at a key frame) in {@code folder},
     * without decoding: what hls.js and Safari play.
     */
    default void hls(Path from, Path folder, int segmentSeconds) throws IOException {
        new Executable(ffmpeg()).run(List.of("-v", "error", "-nostdin", "-y", "-i", from.toString(), "-map", "0:v",
                "-map", "0:a?", "-c", "copy", "-f", "hls", "-hls_time", Integer.toString(segmentSeconds),
                "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4",
                "-hls_segment_filename", folder.resolve("segment-%05d.m4s").toString(),
                folder.resolve("index.m3u8").toString()), 600);
    }

    /** The picture {@code atSeconds} into a video, {@code width} pixels wide, as a JPEG; {@code to} is replaced. */
    default void still(Path video, double atSeconds, int width, Path to) throws IOException {
        new Executable(ffmpeg()).run(List.of("-v", "error", "-nostdin", "-y", "-ss",
                String.format(java.util.Locale.ROOT, "%.3f", atSeconds), "-i", video.toString(), "-frames:v", "1",
                "-vf", "scale=" + width + ":-2", "-q:v", "4", "-f", "image2", to.toString()), 60);
    }

    /** Whether this FFmpeg build has an encoder of that name ({@code libopenh264}, {@code aac}). */
    boolean hasEncoder(String name);
}
