package org.yike.catalog.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yike.api.catalog.Chapter;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonEdit;
import org.yike.api.catalog.LessonFile;
import org.yike.api.catalog.LessonReview;
import org.yike.api.catalog.LessonState;

/**
 * A lesson's folder and its {@code lesson.json}, the source of truth: the recorder writes it, the
 * catalog reads it and keeps its own edits (title, tags, protection, chapter names, published) in its
 * {@code "catalog"} object, so a catalog rebuilt from the folders keeps them.
 */
final class LessonFolder {

    static final String METADATA = "lesson.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    final Path folder;

    LessonFolder(Path folder) {
        this.folder = folder;
    }

    Path metadata() {
        return folder.resolve(METADATA);
    }

    long modified() throws IOException {
        return Files.getLastModifiedTime(metadata()).toMillis();
    }

    /** The lesson as its metadata says, of {@code school}, its date in {@code zone} when no session names one. */
    Lesson read(String school, ZoneId zone) throws IOException {
        JsonNode m = JSON.readTree(metadata().toFile());
        String id = text(m, "id");
        String room = text(m, "classroom");
        if (id == null || room == null) throw new IOException(metadata() + " names no lesson");
        JsonNode session = m.path("session");
        JsonNode edits = m.path("catalog");
        Instant started = instant(m, "started");
        Instant ended = instant(m, "ended");
        LocalDate date = text(session, "date") != null ? LocalDate.parse(text(session, "date"))
                : started != null ? started.atZone(zone).toLocalDate()
                : LocalDate.ofInstant(Files.getLastModifiedTime(metadata()).toInstant(), zone);
        Integer period = session.hasNonNull("period") ? session.get("period").asInt() : null;
        String course = text(session, "course");
        String teacher = text(session, "teacher");
        String schoolClass = text(session, "class");
        String title = text(edits, "title");
        if (title == null) title = text(m, "title");
        if (title == null) title = Lesson.defaultTitle(course, schoolClass, teacher, date, period);

        List<LessonFile> files = new ArrayList<>();
        long size = 0;
        for (JsonNode f : m.path("files")) {
            String path = text(f, "path");
            if (path == null) continue;
            String name = Path.of(path).getFileName().toString();
            Path file = folder.resolve(name);
            long bytes = Files.isRegularFile(file) ? Files.size(file) : 0;
            size += bytes;
            JsonNode offset = f.get("startOffsetMillis");
            files.add(new LessonFile(name, text(f, "kind"), text(f, "profile"), text(f, "source"), bytes,
                    offset != null && offset.canConvertToLong() ? offset.asLong() : null));
        }
        List<Chapter> chapters = new ArrayList<>();
        for (JsonNode d : m.path("decisions")) {
            if (!Chapter.madeBy(text(d, "trigger"))) continue;
            long at = d.path("atMillis").asLong();
            String renamed = text(edits.path("chapters"), Long.toString(at));
            chapters.add(new Chapter(at, renamed != null ? renamed : String.valueOf(text(d, "cause"))));
        }
        return new Lesson(id, school, room, teacher, course, schoolClass, date, period, title, state(m), started, ended,
                started != null && ended != null ? Duration.between(started, ended).toMillis() : null, size, files,
                chapters, strings(edits, "tags"), edits.path("protected").asBoolean(false),
                edits.path("published").asBoolean(false), strings(edits, "sharedWith"), review(edits.path("review")));
    }

    /** The review as the catalog wrote it; an unknown state reads as private (never published by mistake). */
    private static LessonReview review(JsonNode r) {
        LessonReview.State state;
        try {
            state = LessonReview.State.valueOf(String.valueOf(text(r, "state")));
        } catch (IllegalArgumentException e) {
            return LessonReview.PRIVATE;
        }
        return new LessonReview(state, text(r, "reason"), text(r, "by"), instant(r, "at"));
    }

    private static List<String> strings(JsonNode edits, String name) {
        List<String> values = new ArrayList<>();
        edits.path(name).forEach(t -> values.add(t.asText()));
        return values;
    }

    private static LessonState state(JsonNode m) {
        return switch (String.valueOf(text(m, "state"))) {
            case "RECORDING" -> LessonState.RECORDING;
            case "FAILED" -> LessonState.FAILED;
            case "FINISHED" -> m.path("partial").asBoolean(false) ? LessonState.PARTIAL : LessonState.FINISHED;
            default -> LessonState.SCHEDULED;
        };
    }

    /**
     * Writes what {@code edit} changes into the metadata's {@code "catalog"} object, whole (a
     * temporary file renamed over it). A lesson still recording is refused: the recorder writes its
     * metadata again when it ends and would lose the change.
     */
    void edit(LessonEdit edit) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(metadata().toFile());
        if ("RECORDING".equals(text(m, "state"))) {
            throw new IllegalStateException("lesson " + text(m, "id") + " is still recording; change it when it has ended");
        }
        ObjectNode edits = edits(m);
        if (edit.title() != null) {
            if (edit.title().isBlank()) edits.remove("title");
            else edits.put("title", edit.title().strip());
        }
        if (edit.tags() != null) strings(edits, "tags", edit.tags());
        if (edit.sharedWith() != null) strings(edits, "sharedWith", edit.sharedWith());
        if (edit.protectedFromRetention() != null) edits.put("protected", edit.protectedFromRetention());
        if (edit.chapterTitles() != null && !edit.chapterTitles().isEmpty()) {
            List<Long> at = new ArrayList<>();
            for (JsonNode d : m.path("decisions")) {
                if (Chapter.madeBy(text(d, "trigger"))) at.add(d.path("atMillis").asLong());
            }
            ObjectNode names = edits.has("chapters") ? (ObjectNode) edits.get("chapters") : edits.putObject("chapters");
            for (Map.Entry<Long, String> e : edit.chapterTitles().entrySet()) {
                if (!at.contains(e.getKey())) {
                    throw new IllegalArgumentException("lesson " + text(m, "id") + " has no chapter at " + e.getKey()
                            + " ms; its chapters are at " + at);
                }
                names.put(Long.toString(e.getKey()), e.getValue().strip());
            }
        }
        write(m);
    }

    /** Where the lesson now stands in the publishing review. */
    void review(LessonReview review) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(metadata().toFile());
        if ("RECORDING".equals(text(m, "state"))) {
            throw new IllegalStateException("lesson " + text(m, "id") + " is still recording");
        }
        ObjectNode r = edits(m).putObject("review");
        r.put("state", review.state().name());
        if (review.reason() != null) r.put("reason", review.reason());
        if (review.by() != null) r.put("by", review.by());
        if (review.at() != null) r.put("at", review.at().toString());
        write(m);
    }

    /** A platform connector has the lesson: retention leaves it. */
    void published() throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(metadata().toFile());
        ObjectNode edits = edits(m);
        edits.put("published", true);
        write(m);
    }

    /** A list of the edits, stripped, without blanks or repeats. */
    private static void strings(ObjectNode edits, String name, List<String> values) {
        ArrayNode list = edits.putArray(name);
        values.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().forEach(list::add);
    }

    private static ObjectNode edits(ObjectNode m) {
        return m.get("catalog") instanceof ObjectNode edits ? edits : m.putObject("catalog");
    }

    private void write(ObjectNode m) throws IOException {
        Path tmp = folder.resolve(METADATA + ".catalog.tmp");
        JSON.writeValue(tmp.toFile(), m);
        Files.move(tmp, metadata(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a folder and everything in it; nothing where there is none. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static Instant instant(JsonNode m, String field) {
        String t = text(m, field);
        return t == null ? null : Instant.parse(t);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
