package org.yike.api.device;

import java.util.List;
import java.util.Locale;

/** What a source shows or hears in the classroom; directors choose shots by role. */
public enum Role {
    TEACHER_CLOSEUP,
    TEACHER_WIDE,
    STUDENT_CLOSEUP,
    STUDENT_WIDE,
    COURSEWARE,
    BLACKBOARD,
    MICROPHONE;

    /** The words a driver configuration names a picture role with, in the order of its Metatype options. */
    public static final List<String> OPTIONS =
            List.of("teacher", "teacher_wide", "student", "student_wide", "courseware", "blackboard");

    public boolean isAudio() {
        return this == MICROPHONE;
    }

    /**
     * The picture role a configuration names: one of {@link #OPTIONS} ({@code teacher} is
     * {@code TEACHER_CLOSEUP}) or an enum name, in any case; {@code null} for anything else.
     */
    public static Role named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        int option = OPTIONS.indexOf(n);
        if (option >= 0) return values()[option];
        for (Role r : values()) {
            if (!r.isAudio() && r.name().toLowerCase(Locale.ROOT).equals(n)) return r;
        }
        return null;
    }
}
