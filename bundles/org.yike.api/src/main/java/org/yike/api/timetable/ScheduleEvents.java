package org.yike.api.timetable;

/** EventAdmin topics of recording by the timetable. Each carries {@link #SESSION}, {@link #ROOM} and {@link #REASON}. */
public final class ScheduleEvents {

    /** An alert: a session to record could not be (no working device in its room, the recorder refused). */
    public static final String SESSION_FAILED = "org/yike/schedule/SESSION_FAILED";

    public static final String SESSION = "session";
    public static final String ROOM = "room";
    public static final String REASON = "reason";

    private ScheduleEvents() {
    }
}
