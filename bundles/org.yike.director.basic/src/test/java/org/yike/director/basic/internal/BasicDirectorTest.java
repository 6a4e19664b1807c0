package org.yike.director.basic.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.List;

import org.junit.Test;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.ClassroomEvent.Type;
import org.yike.api.device.Role;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;

public class BasicDirectorTest {

    private final BasicDirector director = new BasicDirector(List.of(
            new ProgramSource("cam/courseware", Role.COURSEWARE, "slides"),
            new ProgramSource("cam/teacher", Role.TEACHER_CLOSEUP, "teacher"),
            new ProgramSource("cam/student", Role.STUDENT_WIDE, "students")), 8000, 2000, Layout.FULL);

    private static ClassroomEvent event(Type type) {
        return new ClassroomEvent(type, "101", "cam", null, null, null, null);
    }

    @Test
    public void opensOnTheTeacherEvenWhenListedLater() {
        assertEquals("cam/teacher", director.start().mainSource());
    }

    @Test
    public void followsAStandingStudentThenHoldsThenReturns() {
        director.start();
        assertEquals("cam/student", director.onEvent(event(Type.STUDENT_STOOD_UP), 1000).get().mainSource());
        assertFalse(director.onEvent(event(Type.STUDENT_SAT_DOWN), 5000).isPresent());
        assertFalse("held 2 s after sitting down", director.onTick(6999).isPresent());
        assertEquals("cam/teacher", director.onTick(7000).get().mainSource());
    }

    @Test
    public void showsCoursewareForItsHoldUnlessAStudentStands() {
        director.start();
        assertEquals("cam/courseware", director.onEvent(event(Type.COURSEWARE_CHANGED), 1000).get().mainSource());
        assertEquals("cam/student", director.onEvent(event(Type.STUDENT_STOOD_UP), 2000).get().mainSource());
        assertEquals("cam/courseware", director.onEvent(event(Type.STUDENT_SAT_DOWN), 3000).map(d -> d.mainSource())
                .orElseGet(() -> director.onTick(5000).get().mainSource()));
        assertEquals("cam/teacher", director.onTick(9000).get().mainSource());
    }

    @Test
    public void coursewareCanCarryTheTeacherInACorner() {
        BasicDirector pip = new BasicDirector(List.of(new ProgramSource("cam/courseware", Role.COURSEWARE, "s"),
                new ProgramSource("cam/teacher", Role.TEACHER_CLOSEUP, "t")), 8000, 2000, Layout.PIP_TOP_RIGHT);
        pip.start();
        ProgramDecision d = pip.onEvent(event(Type.COURSEWARE_CHANGED), 1000).get();
        assertEquals(Layout.PIP_TOP_RIGHT, d.layout());
        assertEquals(List.of("cam/courseware", "cam/teacher"), d.sources());
        assertFalse("a second change keeps the shot", pip.onEvent(event(Type.COURSEWARE_CHANGED), 2000).isPresent());
        assertEquals(Layout.FULL, pip.onTick(10_000).get().layout());
    }

    @Test
    public void aClassroomWithOneCameraAlwaysShowsIt() {
        BasicDirector single = new BasicDirector(List.of(new ProgramSource("c/board", Role.BLACKBOARD, "b")), 8000, 2000,
                Layout.PIP_TOP_RIGHT);
        assertEquals("c/board", single.start().mainSource());
        assertFalse(single.onEvent(event(Type.STUDENT_STOOD_UP), 10).isPresent());
    }
}
