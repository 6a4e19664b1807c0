package org.yike.api.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A teacher's S-T analysed lessons of a term: how many, their mean Rt and Ch, and how many of each type.
 * {@code teacher} is null for lessons the timetable did not name a teacher for (recorded by hand).
 */
public record TeacherSummary(String teacher, String term, int lessons, double meanRt, double meanCh, Map<LessonType, Integer> types) {

    public TeacherSummary {
        EnumMap<LessonType, Integer> ordered = new EnumMap<>(LessonType.class);
        ordered.putAll(types);
        types = Collections.unmodifiableMap(ordered);
    }
}
