package org.yike.api.analysis;

/**
 * The S-T analysis: every {@code intervalSeconds} of the lesson sampled as T (teacher behaviour) or S (student
 * behaviour), {@code curve} the samples in order ("TTSTSS"). Of {@code samples} (N), {@code teacherSamples}
 * (N<sub>T</sub>) are T; {@code runs} (g) is the number of runs of equal samples. {@code rt} = N<sub>T</sub> / N,
 * {@code ch} = (g − 1) / N, and {@code type} follows from them.
 */
public record StAnalysis(int intervalSeconds, String curve, int samples, int teacherSamples, int runs, double rt, double ch,
        LessonType type) {
}
