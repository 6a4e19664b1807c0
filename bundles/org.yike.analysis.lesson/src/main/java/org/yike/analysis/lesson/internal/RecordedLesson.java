package org.yike.analysis.lesson.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the analysis reads of a lesson's {@code lesson.json}: how long its clock ran, its sources, and the
 * classroom events it heard, each at its time on the lesson's clock (so pauses in delivery or a faster
 * simulated clock move nothing).
 */
record RecordedLesson(String id, String classroom, long recordedMillis, List<SourceEntry> sources, List<Heard> classroomEvents) {

    static final String METADATA = "lesson.json";

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record SourceEntry(String key, String role, String label) {
    }

    /** {@code type}: a {@code ClassroomEvent.Type}'s name; {@code x}, {@code y}: a position, where it has one. */
    record Heard(long atMillis, String type, String device, String source, Double x, Double y) {

        String sourceKey() {
            return device + "/" + source;
        }
    }

    RecordedLesson {
        sources = sources == null ? List.of() : List.copyOf(sources);
        classroomEvents = classroomEvents == null ? List.of() : List.copyOf(classroomEvents);
    }

    static RecordedLesson read(Path folder) throws IOException {
        return JSON.readValue(folder.resolve(METADATA).toFile(), RecordedLesson.class);
    }
}
