package org.yike.api.device;

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

    public boolean isAudio() {
        return this == MICROPHONE;
    }

    /** The word a camera's configuration names this role by ({@code teacher}, {@code student_wide}); null for sound. */
    public String word() {
        return switch (this) {
            case TEACHER_CLOSEUP -> "teacher";
            case STUDENT_CLOSEUP -> "student";
            case MICROPHONE -> null;
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** The picture role a configuration names, by its {@link #word()} or its enum name in any case; null for none. */
    public static Role ofWord(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        for (Role r : values()) {
            if (!r.isAudio() && (w.equals(r.word()) || w.equals(r.name().toLowerCase(Locale.ROOT)))) return r;
        }
        return null;
    }
}
