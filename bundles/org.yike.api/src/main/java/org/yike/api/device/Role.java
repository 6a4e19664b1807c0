package org.yike.api.device;

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
}
