package org.yike.api.connector;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A platform's schedule for one room, as a connector fetched it (an Opencast capture agent's
 * calendar), registered as a service with the property {@link #ROOM}: the timetable follows it, each
 * event a session of the room whose id is the event's UID, so its recording's id is the UID too.
 */
@ProviderType
public interface CaptureCalendar {

    /** Service property: the classroom whose lessons this calendar schedules. */
    String ROOM = "yike.room";

    String room();

    /**
     * The calendar as the platform sent it, iCalendar (RFC 5545) text; each event's UID is the
     * platform's id of that recording.
     */
    String ical();

    /** When the platform last sent it (unchanged answers do not move it). */
    Instant fetched();

    /**
     * The label of the sessions this calendar makes, in place of a bell's label (e.g. {@code Opencast
     * room-101}): it marks their recordings as this calendar's, so its connector can report on them.
     */
    default String label() {
        return "calendar";
    }
}
