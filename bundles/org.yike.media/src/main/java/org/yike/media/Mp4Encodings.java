package org.yike.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.PacketSink;
import org.yike.api.encoder.Profile;
import org.yike.media.internal.Mp4Encoding;

/**
 * H.264 + AAC in fragmented MP4 through FFmpeg in this JVM, with any H.264 encoder of the loaded
 * build, each packet also handed out live: what in-process encoder backends share, so each names
 * only its encoder and its options.
 */
public final class Mp4Encodings {

    private Mp4Encodings() {
    }

    /** The same, its packets going nowhere else. */
    public static Encoding open(Profile profile, Path file, String videoCodec, Map<String, String> videoOptions)
            throws IOException {
        return open(profile, file, videoCodec, videoOptions, PacketSink.NONE);
    }

    /**
     * Starts encoding {@code profile} into {@code file} with the video encoder {@code videoCodec}
     * ({@code libopenh264}, {@code h264_nvenc}) and its private options; a profile without sound
     * makes a file of pictures only. Each packet also goes to {@code packets} as it is made.
     */
    public static Encoding open(Profile profile, Path file, String videoCodec, Map<String, String> videoOptions,
            PacketSink packets) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            return Mp4Encoding.open(profile, file, videoCodec, videoOptions, packets);
        } catch (IOException e) {
            throw new IOException("cannot start " + videoCodec + " for profile " + profile.name() + " into " + file
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code videoCodec} really opens here: a hardware encoder is in every build but needs
     * its device and driver, which only an attempt tells.
     */
    public static boolean opens(String videoCodec, Path scratch) {
        Profile probe = new Profile("probe", 256, 144, 25, 100, 25, 32, 48000, 1, videoCodec);
        try {
            open(probe, scratch, videoCodec, Map.of()).close();
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a scratch file left in the cache folder does no harm
            }
        }
    }
}
