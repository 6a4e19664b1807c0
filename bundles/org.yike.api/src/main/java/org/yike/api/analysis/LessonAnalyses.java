package org.yike.api.analysis;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The analyses of recorded lessons, made when a lesson ends and kept with it. */
@ProviderType
public interface LessonAnalyses {

    /** The lesson's analysis; empty until it has ended and been analysed. */
    Optional<LessonAnalysis> ofLesson(String lesson);

    /**
     * The S-T analyses summed up per teacher and term (2026秋 from August to January, 2027春 from February to
     * July, by the lesson's date), teachers in order; {@code term} null: every term.
     */
    List<TeacherSummary> byTeacher(String term);
}
