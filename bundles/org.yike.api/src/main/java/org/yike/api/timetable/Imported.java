package org.yike.api.timetable;

/**
 * What an import kept: {@code rows} of the file ({@code what}: bells, calendar, lessons or ical), and
 * how the materialised sessions changed: {@code sessions} in all now, of which {@code added} are new and
 * {@code changed} differ; {@code removed} are gone.
 */
public record Imported(String what, int rows, int sessions, int added, int changed, int removed) {
}
