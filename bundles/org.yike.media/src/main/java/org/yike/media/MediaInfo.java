package org.yike.media;

import java.util.List;
import java.util.Optional;

/**
 * What ffprobe read from a media file: its duration, its streams, and the presentation times of
 * the first video stream's frames (seconds, in file order), so gaps and frame counts can be checked.
 */
public record MediaInfo(double durationSeconds, List<Stream> streams, List<Double> videoFrameTimes) {

    public MediaInfo {
        streams = List.copyOf(streams);
        videoFrameTimes = List.copyOf(videoFrameTimes);
    }

    /**
     * One stream: {@code type} is {@code video} or {@code audio}; {@code codecProfile} as ffprobe names
     * it ({@code High}, {@code Constrained Baseline}, {@code LC}); {@code frameRate} is frames per second.
     */
    public record Stream(String type, String codec, String codecProfile, int width, int height, double frameRate,
            int sampleRate, int channels) {
    }

    public Optional<Stream> video() {
        return stream("video");
    }

    public Optional<Stream> audio() {
        return stream("audio");
    }

    private Optional<Stream> stream(String type) {
        return streams.stream().filter(s -> s.type().equals(type)).findFirst();
    }

    /** The largest step between consecutive video frames, in seconds (0 with fewer than two frames). */
    public double largestVideoGap() {
        double gap = 0;
        for (int i = 1; i < videoFrameTimes.size(); i++) {
            gap = Math.max(gap, videoFrameTimes.get(i) - videoFrameTimes.get(i - 1));
        }
        return gap;
    }
}
