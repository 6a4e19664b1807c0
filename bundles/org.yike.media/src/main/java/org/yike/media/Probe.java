package org.yike.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs the {@code ffprobe} that came with FFmpeg on a file and reads its JSON answer. */
public final class Probe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Executable ffprobe;

    public Probe(Path ffprobe) {
        this.ffprobe = new Executable(ffprobe);
    }

    public MediaInfo probe(Path file) throws IOException {
        JsonNode root = run(file, "-show_format", "-show_streams");
        List<MediaInfo.Stream> streams = new ArrayList<>();
        for (JsonNode s : root.path("streams")) {
            streams.add(new MediaInfo.Stream(s.path("codec_type").asText(), s.path("codec_name").asText(),
                    s.path("profile").asText(), s.path("width").asInt(), s.path("height").asInt(), rate(s.path("avg_frame_rate").asText()),
                    s.path("sample_rate").asInt(), s.path("channels").asInt()));
        }
        List<Double> times = new ArrayList<>();
        for (JsonNode p : run(file, "-select_streams", "v:0", "-show_entries", "packet=pts_time").path("packets")) {
            times.add(p.path("pts_time").asDouble());
        }
        times.sort(null);
        return new MediaInfo(root.path("format").path("duration").asDouble(), streams, times);
    }

    private JsonNode run(Path file, String... what) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-v", "error", "-of", "json"));
        arguments.addAll(List.of(what));
        arguments.add(file.toString());
        try {
            return JSON.readTree(new String(ffprobe.run(arguments, 60), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("ffprobe could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** "25/1" → 25.0; "0/0" → 0. */
    static double rate(String fraction) {
        String[] parts = fraction.split("/");
        try {
            double n = Double.parseDouble(parts[0]);
            double d = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            return d == 0 ? 0 : n / d;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
