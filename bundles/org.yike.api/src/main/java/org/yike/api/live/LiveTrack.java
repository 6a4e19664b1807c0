package org.yike.api.live;

import java.util.Arrays;

/**
 * One track of a live stream and what a decoder or muxer needs before its first packet.
 * {@code codec} is FFmpeg's codec name ({@code h264}, {@code hevc}, {@code aac}, {@code pcm_alaw}…);
 * {@code config} is the codec's global header as FFmpeg holds it (for H.264 an
 * AVCDecoderConfigurationRecord or Annex B SPS/PPS, for AAC the AudioSpecificConfig), empty where the
 * codec has none. Video tracks have a size and no sample rate; sound tracks the reverse.
 */
public record LiveTrack(Kind kind, String codec, int width, int height, int sampleRate, int channels, byte[] config) {

    public enum Kind { VIDEO, AUDIO }

    public LiveTrack {
        if (kind == null || codec == null || codec.isBlank()) throw new IllegalArgumentException("a track needs a kind and a codec");
        config = config == null ? new byte[0] : config.clone();
    }

    public static LiveTrack video(String codec, int width, int height, byte[] config) {
        return new LiveTrack(Kind.VIDEO, codec, width, height, 0, 0, config);
    }

    public static LiveTrack audio(String codec, int sampleRate, int channels, byte[] config) {
        return new LiveTrack(Kind.AUDIO, codec, 0, 0, sampleRate, channels, config);
    }

    @Override
    public byte[] config() {
        return config.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiveTrack t && kind == t.kind && codec.equals(t.codec) && width == t.width && height == t.height
                && sampleRate == t.sampleRate && channels == t.channels && Arrays.equals(config, t.config);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(kind, codec, width, height, sampleRate, channels) + Arrays.hashCode(config);
    }

    @Override
    public String toString() {
        return kind == Kind.VIDEO ? codec + " " + width + "x" + height : codec + " " + sampleRate + " Hz " + channels + " ch";
    }
}
