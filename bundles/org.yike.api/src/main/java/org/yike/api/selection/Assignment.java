package org.yike.api.selection;

/** A judge given an entry; {@code third}: called because the first two disagreed. */
public record Assignment(String entry, String judge, boolean third) {
}
