package org.yike.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A lesson's folder as the recorder leaves one, put into a data folder before the runtime starts: its
 * {@code lesson.json} (the session of the timetable it recorded, its files, its directing decisions) and
 * its media, made by the ffmpeg CLI or, where only the catalog reads it, a placeholder. By default a
 * finished 45-minute 数学 lesson of 初一(1)班 in period 1 of 1 September 2026.
 */
final class RecordedLesson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String room;
    private String title;
    private String state = "FINISHED";
    private LocalDate day = LocalDate.of(2026, 9, 1);
    private int period = 1;
    private String course = "数学";
    private String teacher;
    private String schoolClass = "初一(1)班";
    private Instant start = Instant.parse("2026-09-01T00:00:00Z");
    private long seconds = 2700;
    private long sessionSeconds = 2700;
    /** The program's ffmpeg inputs and codecs, or none: a 1 KB placeholder; null: no program at all. */
    private List<String> program = List.of();
    private final List<String[]> resources = new ArrayList<>();
    private final List<Object[]> chapters = new ArrayList<>();

    private RecordedLesson(String id, String room) {
        this.id = id;
        this.room = room;
    }

    static RecordedLesson of(String id, String room) {
        return new RecordedLesson(id, room);
    }

    RecordedLesson title(String title) {
        this.title = title;
        return this;
    }

    /** FINISHED, FAILED, or PARTIAL (finished, cut short by a stop of the runtime). */
    RecordedLesson state(String state) {
        this.state = state;
        return this;
    }

    RecordedLesson session(LocalDate day, int period, String course, String teacher, String schoolClass) {
        this.day = day;
        this.period = period;
        this.course = course;
        this.teacher = teacher;
        this.schoolClass = schoolClass;
        return this;
    }

    RecordedLesson teacher(String teacher) {
        this.teacher = teacher;
        return this;
    }

    /** Recorded from {@code start} for {@code seconds}, in a session of {@code sessionSeconds}. */
    RecordedLesson times(Instant start, long seconds, long sessionSeconds) {
        this.start = start;
        this.seconds = seconds;
        this.sessionSeconds = sessionSeconds;
        return this;
    }

    /** The program made by ffmpeg from these inputs and codec options (the output is the lesson's program.mp4). */
    RecordedLesson program(String... ffmpeg) {
        this.program = List.of(ffmpeg);
        return this;
    }

    /** No media: only its lesson.json, as a recording that failed or that the catalog alone reads. */
    RecordedLesson noMedia() {
        this.program = null;
        return this;
    }

    /** A camera's own file, {@code source}'s, begun {@code offsetMillis} after the lesson, made by ffmpeg from these. */
    RecordedLesson resource(String file, String source, long offsetMillis, String... ffmpeg) {
        resources.add(Stream.concat(Stream.of(file, source, Long.toString(offsetMillis)), Stream.of(ffmpeg)).toArray(String[]::new));
        return this;
    }

    /** A chapter: a decision of the operator at {@code atMillis}. */
    RecordedLesson chapter(long atMillis, String title) {
        chapters.add(new Object[] {atMillis, title});
        return this;
    }

    /** Writes the folder under {@code data}'s recordings; answers it. */
    Path writeTo(Path data) throws Exception {
        Path folder = Files.createDirectories(data.resolve("recordings").resolve(room).resolve(id));
        ObjectNode m = JSON.createObjectNode().put("id", id).put("classroom", room);
        if (title != null) m.put("title", title);
        m.put("state", state.equals("PARTIAL") ? "FINISHED" : state).put("started", start.toString())
                .put("ended", start.plusSeconds(seconds).toString()).put("partial", state.equals("PARTIAL"));
        m.putObject("session").put("id", id).put("room", room).put("date", day.toString()).put("period", period)
                .put("label", "第" + period + "节").put("course", course).put("teacher", teacher).put("class", schoolClass)
                .put("start", start.toString()).put("end", start.plusSeconds(sessionSeconds).toString());
        ArrayNode files = m.putArray("files");
        if (program != null) {
            Path mp4 = folder.resolve("program.mp4");
            if (program.isEmpty()) Files.write(mp4, new byte[1024]);
            else make(program, mp4);
            files.addObject().put("kind", "program").put("path", mp4.toString()).put("profile", "recording");
            for (String[] r : resources) {
                make(List.of(r).subList(3, r.length), folder.resolve(r[0]));
                files.addObject().put("kind", "resource").put("path", folder.resolve(r[0]).toString()).put("source", r[1])
                        .put("startOffsetMillis", Long.parseLong(r[2]));
            }
        }
        files.addObject().put("kind", "metadata").put("path", folder.resolve("lesson.json").toString());
        ArrayNode decisions = m.putArray("decisions");
        if (program != null) decisions.addObject().put("atMillis", 0).put("layout", "FULL").put("cause", "opening shot").put("trigger", "start");
        for (Object[] c : chapters) {
            decisions.addObject().put("atMillis", (Long) c[0]).put("layout", "FULL").put("cause", (String) c[1]).put("trigger", "operator");
        }
        JSON.writeValue(folder.resolve("lesson.json").toFile(), m);
        return folder;
    }

    private static void make(List<String> ffmpeg, Path out) throws Exception {
        List<String> args = new ArrayList<>(ffmpeg);
        args.add(out.toString());
        ProductJarTest.ffmpeg(args.toArray(String[]::new));
    }
}
