package org.yike.api.catalog;

/** A point of a lesson worth jumping to: a shot an event or an operator made, {@code atMillis} into it. */
public record Chapter(long atMillis, String title) {

    /** Whether a director's shot with this trigger ({@code event:<type>}, {@code operator}, {@code time}…) is a chapter. */
    public static boolean madeBy(String trigger) {
        return trigger != null && (trigger.startsWith("event:") || trigger.equals("operator"));
    }
}
