package org.yike.recording.internal.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.recording.Recording;
import org.yike.api.recording.ScheduledLesson;

/**
 * The lessons a recorder knows, by id: those of earlier runs, found in their folders at the start,
 * and those recorded since. A lesson lives under {@code <recordings>/<classroom>/<id>/}.
 */
public final class LessonArchive {

    private static final Logger LOG = LoggerFactory.getLogger(LessonArchive.class);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path recordings;
    private final Map<String, LessonRecord> records = new ConcurrentHashMap<>();

    public LessonArchive(Path recordings) {
        this.recordings = recordings;
    }

    /** Reads the lessons of earlier runs; answers those the runtime stopped in the middle of. */
    public List<LessonRecord> load() {
        List<LessonRecord> interrupted = new ArrayList<>();
        if (!Files.isDirectory(recordings)) return interrupted;
        try (Stream<Path> files = Files.find(recordings, 3, (p, a) -> p.endsWith(LessonRecord.METADATA))) {
            files.forEach(f -> {
                try {
                    LessonRecord r = LessonRecord.read(f.getParent());
                    records.put(r.id, r);
                    if (r.interrupted()) interrupted.add(r);
                } catch (IOException | RuntimeException e) {
                    // a damaged file, not a fault of the recorder: its message says where
                    LOG.warn("Skipping unreadable lesson {}: {}", f, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Cannot list earlier lessons in {}", recordings, e);
        }
        return interrupted;
    }

    /** The folder of lesson {@code id} of classroom {@code room}. */
    public Path folder(String room, String id) {
        return recordings.resolve(safe(room)).resolve(id);
    }

    /** A lesson started by hand: the time and its classroom; a second in the same second gets -2, -3… */
    public String newId(String room) {
        String base = LocalDateTime.now().format(ID_TIME) + "-" + safe(room);
        String id = base;
        for (int i = 2; records.containsKey(id); i++) id = base + "-" + i;
        return id;
    }

    /** A lesson of the timetable is kept under its session's id; a further recording of it gets -2, -3… */
    public String sessionId(ScheduledLesson lesson) {
        String id = lesson.session();
        for (int i = 2; records.containsKey(id); i++) id = lesson.session() + "-" + i;
        return id;
    }

    public void add(LessonRecord record) {
        records.put(record.id, record);
    }

    public Optional<LessonRecord> get(String id) {
        return Optional.ofNullable(records.get(id));
    }

    /** Newest first. */
    public List<Recording> list() {
        return records.values().stream().map(LessonRecord::toRecording)
                .sorted(Comparator.comparing(Recording::started).reversed()).toList();
    }

    /** The catalog deleted a lesson: it leaves the list, unless {@code recording} or its folder is still there. */
    public void forget(String id, Predicate<String> recording) {
        records.computeIfPresent(id, (k, r) -> recording.test(k) || Files.exists(r.folder) ? r : null);
    }

    /** A classroom name as a folder and id part: letters (any script), digits, '-' and '_'. */
    static String safe(String room) {
        String s = room.replaceAll("[^\\p{L}\\p{N}_-]", "_");
        return s.isEmpty() ? "_" : s;
    }
}
