package org.yike.api.selection;

/** An entry as its judge sees it: the lesson to watch, its course and class, no teacher, no school; their score if given. */
public record BlindEntry(String entry, String lesson, String course, String schoolClass, Double score) {
}
