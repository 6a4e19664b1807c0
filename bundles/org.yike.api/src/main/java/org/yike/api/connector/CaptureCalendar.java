package org.yike.api.connector;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A platform's schedule for one room, as a connector fetched it (an Opencast capture agent's
 * calendar), registered as a service with the property {@link #ROOM}: the timetable follows it.
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
}
