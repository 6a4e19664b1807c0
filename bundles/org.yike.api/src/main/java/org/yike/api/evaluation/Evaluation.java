package org.yike.api.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One evaluator's evaluation of a lesson by a rubric's version: the scores of its scored indicators, notes
 * on the timeline, and {@code total} out of 100 (each score's share of its indicator's highest, by the
 * indicator's share of the rubric) once every indicator is scored; {@code submitted} when handed in.
 */
public record Evaluation(String id, String lesson, String rubric, int rubricVersion, String evaluator, Map<String, Double> scores,
        List<Note> notes, Double total, Instant started, Instant submitted) {

    public Evaluation {
        scores = Map.copyOf(scores);
        notes = List.copyOf(notes);
    }
}
