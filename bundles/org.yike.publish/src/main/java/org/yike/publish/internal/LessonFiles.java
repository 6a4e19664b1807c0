package org.yike.publish.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yike.api.recording.Recording;
import org.yike.api.recording.Recording.RecordedFile;

/**
 * Which files of a lesson go to a target and under which remote names. The {@code pattern} names
 * a file with the lesson's fields ({@code {room}/{date}/{title}.{ext}}); fields come from the
 * recording and its {@code lesson.json} (course, teacher, class, period, school where the timetable
 * wrote them), and a field a lesson lacks is left out, with the folder or separator it leaves empty.
 */
final class LessonFiles {

    static final String DEFAULT_PATTERN = "{room}/{date}/{title}.{ext}";

    /** What goes: the recording profile and the metadata, every profile too, or the resource files as well. */
    enum Choice { PROGRAM, ALL, RESOURCES }

    record Upload(Path local, String remote) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z]+)}");
    private static final ZoneId ZONE = ZoneId.systemDefault();

    private LessonFiles() {
    }

    static List<Upload> of(Recording lesson, String pattern, Choice choice) throws IOException {
        String p = pattern == null || pattern.isBlank() ? DEFAULT_PATTERN : pattern.trim();
        Map<String, String> fields = fields(lesson);
        String recordingProfile = lesson.files().stream().filter(f -> f.kind().equals("program")).map(RecordedFile::profile)
                .findFirst().orElse(null);
        List<Upload> uploads = new ArrayList<>();
        for (RecordedFile f : lesson.files()) {
            Map<String, String> own = new HashMap<>(fields);
            String name = Path.of(f.path()).getFileName().toString();
            int dot = name.lastIndexOf('.');
            own.put("ext", dot < 0 ? "" : name.substring(dot + 1));
            String suffix = "";
            switch (f.kind()) {
                case "program" -> {
                    if (!f.profile().equals(recordingProfile) && choice == Choice.PROGRAM) continue;
                    own.put("stream", f.profile());
                    if (!f.profile().equals(recordingProfile) && !p.contains("{stream}")) suffix = "-" + f.profile();
                }
                case "resource" -> {
                    if (choice != Choice.RESOURCES) continue;
                    own.put("stream", segment(f.source()));
                    if (!p.contains("{stream}")) suffix = "-" + segment(f.source());
                }
                default -> own.put("stream", f.kind());
            }
            Path local = Path.of(f.path());
            if (!Files.isRegularFile(local)) throw new IOException("lesson " + lesson.id() + " lacks its file " + local);
            uploads.add(new Upload(local, name(p, own, suffix, lesson.id())));
        }
        return uploads;
    }

    /** The lesson's fields for patterns, each made safe as one path segment. */
    static Map<String, String> fields(Recording lesson) throws IOException {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", lesson.id());
        f.put("room", lesson.classroom());
        f.put("title", lesson.title());
        Instant started = lesson.started() == null ? Instant.EPOCH : lesson.started();
        f.put("date", DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZONE).format(started));
        f.put("time", DateTimeFormatter.ofPattern("HHmm").withZone(ZONE).format(started));
        for (RecordedFile m : lesson.files()) {
            if (!m.kind().equals("metadata") || !Files.isRegularFile(Path.of(m.path()))) continue;
            JsonNode json = JSON.readTree(Path.of(m.path()).toFile());
            for (String field : List.of("title", "course", "teacher", "class", "period", "school")) {
                JsonNode v = json.get(field);
                if (v != null && v.isValueNode() && !v.asText().isBlank()) f.put(field, v.asText());
            }
        }
        f.replaceAll((k, v) -> v == null ? "" : segment(v));
        return f;
    }

    private static String name(String pattern, Map<String, String> fields, String suffix, String id) {
        Matcher m = FIELD.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(fields.getOrDefault(m.group(1), "")));
        m.appendTail(out);
        List<String> parts = new ArrayList<>();
        for (String part : out.toString().split("/")) {
            // a missing field leaves its separator behind: "-数学.mp4", "数学-.mp4"
            String p = part.strip().replaceAll("^[-_ ]+|[-_ ]+(?=\\.[^.]*$)|[-_ ]+$", "");
            if (!p.isEmpty() && !p.equals(".") && !p.equals("..")) parts.add(p);
        }
        String file = parts.isEmpty() ? "" : parts.remove(parts.size() - 1);
        int dot = file.lastIndexOf('.');
        String base = dot < 0 ? file : file.substring(0, dot);
        String ext = dot < 0 ? "" : file.substring(dot);
        if (base.isEmpty()) base = id;
        parts.add(base + suffix + ext);
        return String.join("/", parts);
    }

    /** A value as one path segment: no slash, no control or reserved character of common servers. */
    static String segment(String value) {
        return value.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", "_").strip();
    }
}
