package org.yike.director.basic.internal;

import java.util.List;
import java.util.Optional;

import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Role;
import org.yike.api.director.Director;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;

/**
 * Shows the teacher; while a student stands (plus a hold) the students; for a while after the
 * courseware changes the courseware, with the teacher in a picture-in-picture corner. A standing
 * student wins over the courseware.
 */
final class BasicDirector implements Director {

    private final String teacher;
    private final String students;
    private final String courseware;
    private final long coursewareHold;
    private final long studentHold;
    private final Layout coursewareLayout;

    private boolean standing;
    private long studentsUntil = -1;
    private long coursewareUntil = -1;
    private ProgramDecision current;

    /** @param coursewareLayout FULL, or a picture-in-picture corner where the teacher appears over the courseware */
    BasicDirector(List<ProgramSource> sources, long coursewareHoldMillis, long studentHoldMillis, Layout coursewareLayout) {
        String teacherCamera = first(sources, Role.TEACHER_CLOSEUP, Role.TEACHER_WIDE);
        this.teacher = teacherCamera != null ? teacherCamera : sources.get(0).key();
        this.students = first(sources, Role.STUDENT_CLOSEUP, Role.STUDENT_WIDE);
        this.courseware = first(sources, Role.COURSEWARE);
        this.coursewareHold = coursewareHoldMillis;
        this.studentHold = studentHoldMillis;
        this.coursewareLayout = coursewareLayout;
    }

    private static String first(List<ProgramSource> sources, Role... roles) {
        for (Role role : roles) {
            for (ProgramSource s : sources) {
                if (s.role() == role) return s.key();
            }
        }
        return null;
    }

    @Override
    public ProgramDecision start() {
        current = ProgramDecision.full(0, teacher, "lesson started");
        return current;
    }

    @Override
    public Optional<ProgramDecision> onEvent(ClassroomEvent event, long at) {
        switch (event.type()) {
            case STUDENT_STOOD_UP -> standing = true;
            case STUDENT_SAT_DOWN -> {
                if (standing) studentsUntil = at + studentHold;
                standing = false;
            }
            case COURSEWARE_CHANGED -> coursewareUntil = at + coursewareHold;
            default -> {
                return Optional.empty();
            }
        }
        return cut(at, causeOf(event));
    }

    @Override
    public Optional<ProgramDecision> onTick(long at) {
        return cut(at, "hold ended");
    }

    private static String causeOf(ClassroomEvent event) {
        return switch (event.type()) {
            case STUDENT_STOOD_UP -> "student stood up";
            case STUDENT_SAT_DOWN -> "student sat down";
            case COURSEWARE_CHANGED -> "courseware changed";
            default -> event.type().name();
        };
    }

    private Optional<ProgramDecision> cut(long at, String cause) {
        ProgramDecision want = ProgramDecision.full(at, teacher, cause);
        if (students != null && (standing || at < studentsUntil)) {
            want = ProgramDecision.full(at, students, cause);
        } else if (courseware != null && at < coursewareUntil) {
            want = coursewareLayout == Layout.FULL || courseware.equals(teacher) ? ProgramDecision.full(at, courseware, cause)
                    : new ProgramDecision(at, coursewareLayout, List.of(courseware, teacher), cause);
        }
        if (want.sameShot(current)) return Optional.empty();
        current = want;
        return Optional.of(current);
    }
}
