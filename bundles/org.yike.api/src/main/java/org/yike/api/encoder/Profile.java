package org.yike.api.encoder;

/**
 * What one encoded stream looks like. {@code gopFrames} is the distance between key frames;
 * {@code audioKbps} 0 makes a file of pictures only (see {@link #hasSound()});
 * {@code backend} names the {@link EncoderBackend#id()} the profile prefers.
 */
public record Profile(String name, int width, int height, int fps, int videoKbps, int gopFrames,
        int audioKbps, int audioSampleRate, int audioChannels, String backend) {

    public Profile {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("profile needs a name");
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("profile " + name + ": size " + width + "x" + height
                    + " must be even and at least 16x16");
        }
        if (fps < 1 || fps > 120) throw new IllegalArgumentException("profile " + name + ": fps " + fps + " not in 1..120");
        if (videoKbps < 50) throw new IllegalArgumentException("profile " + name + ": video bitrate " + videoKbps + " kbit/s too low");
        if (gopFrames < 1) throw new IllegalArgumentException("profile " + name + ": GOP must be at least 1 frame");
        if (audioKbps < 0) throw new IllegalArgumentException("profile " + name + ": audio bitrate " + audioKbps + " kbit/s is negative");
        if (audioChannels < 1 || audioChannels > 2) throw new IllegalArgumentException("profile " + name + ": 1 or 2 audio channels");
    }

    /** The recording default: 1080p25, 4 Mbit/s, a key frame every 2 s, AAC 128 kbit/s 48 kHz stereo. */
    public static Profile recording1080p() {
        return new Profile("recording", 1920, 1080, 25, 4000, 50, 128, 48000, 2, "openh264");
    }

    /** Whether the file has a sound track: not where {@code audioKbps} is 0 (a source's own pictures, say). */
    public boolean hasSound() {
        return audioKbps > 0;
    }

    /** This profile, encoded by another backend. */
    public Profile withBackend(String other) {
        return new Profile(name, width, height, fps, videoKbps, gopFrames, audioKbps, audioSampleRate, audioChannels, other);
    }

    /** Roughly one frame's duration; for frame times use {@link #frameTimeMicros}, which does not accumulate its rounding. */
    public long frameDurationMicros() {
        return 1_000_000L / fps;
    }

    /** When frame {@code n} is shown, exact to the microsecond at any frame rate (30 fps: 33 333, 66 666, 100 000...). */
    public long frameTimeMicros(long n) {
        return n * 1_000_000L / fps;
    }

    /** The same in nanoseconds, for clocks. */
    public long frameTimeNanos(long n) {
        return n * 1_000_000_000L / fps;
    }
}
