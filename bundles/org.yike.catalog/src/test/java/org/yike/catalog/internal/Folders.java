package org.yike.catalog.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Lesson folders as the recording service writes them: {@code recordings/<room>/<id>/lesson.json} and its files. */
final class Folders {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Folders() {
    }

    /**
     * A finished lesson of the timetable, 45 minutes from 08:00 on {@code date} (Shanghai), with its
     * program file of {@code bytes} bytes and one chapter per entry of {@code chapters}.
     */
    static Path lesson(Path data, String id, String room, String course, String teacher, String schoolClass, LocalDate date,
            int period, long bytes, String... chapters) throws IOException {
        Path folder = data.resolve("recordings").resolve(room).resolve(id);
        Files.createDirectories(folder);
        Instant start = date.atTime(8, 0).atZone(SHANGHAI).toInstant().plusSeconds(3600L * (period - 1));
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id);
        m.put("classroom", room);
        m.put("title", course + " · " + schoolClass + " · " + teacher + " · " + date + " 第" + period + "节");
        m.put("state", "FINISHED");
        m.put("started", start.toString());
        m.put("ended", start.plusSeconds(45 * 60).toString());
        m.put("partial", false);
        ObjectNode s = m.putObject("session");
        s.put("id", id);
        s.put("room", room);
        s.put("date", date.toString());
        s.put("period", period);
        s.put("label", "第" + period + "节");
        s.put("course", course);
        s.put("teacher", teacher);
        s.put("class", schoolClass);
        ArrayNode files = m.putArray("files");
        files.addObject().put("kind", "program").put("path", folder.resolve("program.mp4").toString()).put("profile", "recording");
        files.addObject().put("kind", "metadata").put("path", folder.resolve("lesson.json").toString());
        Files.write(folder.resolve("program.mp4"), new byte[(int) bytes]);
        ArrayNode decisions = m.putArray("decisions");
        decisions.addObject().put("atMillis", 0).put("layout", "FULL").put("cause", "opening shot").put("trigger", "start");
        for (int i = 0; i < chapters.length; i++) {
            decisions.addObject().put("atMillis", 60_000L * (i + 1)).put("layout", "FULL").put("cause", chapters[i])
                    .put("trigger", "operator");
            decisions.addObject().put("atMillis", 60_000L * (i + 1) + 20_000).put("layout", "FULL").put("cause", "nothing happened")
                    .put("trigger", "time");
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("lesson.json").toFile(), m);
        return folder;
    }

    /** Sets a top-level field of a lesson's metadata, as the recorder does when a lesson changes state. */
    static void set(Path folder, String field, String value) throws IOException {
        ObjectNode m = (ObjectNode) JSON.readTree(folder.resolve("lesson.json").toFile());
        m.put(field, value);
        JSON.writeValue(folder.resolve("lesson.json").toFile(), m);
    }
}
