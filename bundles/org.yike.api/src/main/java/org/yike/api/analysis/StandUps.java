package org.yike.api.analysis;

import java.util.List;

/**
 * Students standing up: {@code total}, how many in each sampling interval of the lesson ({@code perInterval}, the
 * last, shorter one included), and the interval with the most ({@code peakAtMillis}, its start on the lesson's
 * clock, the first of equals; null without stand-ups) with {@code peakCount}.
 */
public record StandUps(int total, List<Integer> perInterval, Long peakAtMillis, int peakCount) {

    public StandUps {
        perInterval = List.copyOf(perInterval);
    }
}
