package org.yike.api.device;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened in a classroom, detected by a device or a detector and posted through
 * EventAdmin on {@link #topic()}. Positions are normalised to the source's picture: 0..1 from the
 * top left.
 */
public record ClassroomEvent(Type type, String classroom, String deviceId, String sourceId, Instant time,
        Double x, Double y) {

    public enum Type {
        STUDENT_STOOD_UP,
        STUDENT_SAT_DOWN,
        /** Where the teacher is now, in {@code x}, {@code y} of the source's picture. */
        TEACHER_MOVED,
        TEACHER_LEFT_PODIUM,
        TEACHER_RETURNED,
        COURSEWARE_CHANGED,
        BLACKBOARD_WRITING,
        /** Someone speaks into the microphone {@code sourceId}. */
        MICROPHONE_ACTIVE,
        /** The microphone {@code sourceId} has been quiet for a while. */
        MICROPHONE_QUIET
    }

    /** Every classroom event's topic starts with this; subscribe to {@code TOPIC_PREFIX + "*"}. */
    public static final String TOPIC_PREFIX = "org/yike/classroom/";

    public ClassroomEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(classroom, "classroom");
        time = time == null ? Instant.now() : time;
    }

    public String topic() {
        return TOPIC_PREFIX + type.name();
    }

    /** The event's properties as EventAdmin carries them. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("type", type.name());
        p.put("classroom", classroom);
        p.put("time", time.toEpochMilli());
        if (deviceId != null) p.put("device", deviceId);
        if (sourceId != null) p.put("source", sourceId);
        if (x != null) p.put("x", x);
        if (y != null) p.put("y", y);
        return p;
    }

    /** Reads an event back from its properties; throws {@link IllegalArgumentException} on a foreign one. */
    public static ClassroomEvent fromProperties(Map<String, ?> p) {
        Object type = p.get("type");
        Object classroom = p.get("classroom");
        if (!(type instanceof String) || !(classroom instanceof String)) {
            throw new IllegalArgumentException("not a classroom event: " + p.keySet());
        }
        Object time = p.get("time");
        return new ClassroomEvent(Type.valueOf((String) type), (String) classroom, (String) p.get("device"),
                (String) p.get("source"), time instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null,
                number(p.get("x")), number(p.get("y")));
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }
}
