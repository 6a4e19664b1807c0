package org.yike.api.publish;

/** Every lesson of {@code room} goes to {@code target} when it finishes. */
public record Rule(String room, String target) {
}
