package org.yike.api.evaluation;

/** A note on the lesson's timeline: {@code atMillis} into the lesson, as the click that wrote it stamped. */
public record Note(long atMillis, String text) {
}
