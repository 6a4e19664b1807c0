package org.yike.api.director;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.List;

import org.junit.Test;
import org.yike.api.device.Role;

public class ProgramSourceTest {

    private final List<ProgramSource> sources = List.of(new ProgramSource("c/wide", Role.TEACHER_WIDE, "wide"),
            new ProgramSource("c/slides", Role.COURSEWARE, "slides"), new ProgramSource("c/close", Role.TEACHER_CLOSEUP, "close"));

    @Test
    public void rolesAreTriedInOrderOfPreference() {
        assertEquals("c/close", ProgramSource.first(sources, Role.TEACHER_CLOSEUP, Role.TEACHER_WIDE).get().key());
        assertEquals("c/wide", ProgramSource.first(sources, Role.STUDENT_CLOSEUP, Role.TEACHER_WIDE).get().key());
        assertFalse(ProgramSource.first(sources, Role.BLACKBOARD).isPresent());
    }
}
