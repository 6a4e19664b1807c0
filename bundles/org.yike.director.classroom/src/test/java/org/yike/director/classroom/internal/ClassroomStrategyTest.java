package org.yike.director.classroom.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.Map;

import org.junit.Test;
import org.yike.kit.director.Scenario;

public class ClassroomStrategyTest {

    @Test
    public void theDefaultsDirect() {
        assertNull(ClassroomStrategy.problem(Scenario.configuration(ClassroomConfig.class, Map.of())));
    }

    @Test
    public void aConfigurationThatCannotDirectIsRefusedWithItsReasons() {
        ClassroomConfig bad = Scenario.configuration(ClassroomConfig.class, Map.of("coursewareLayout", "QUAD",
                "holdMillis", -1, "cropSize", 0, "closeUpLeft", 0.9));
        assertEquals("layout QUAD is not one of full, picture-in-picture or side by side; times must not be negative; "
                + "cropSize 0.0 must be more than 0 and at most 1; the close-up area needs left < right and top < bottom",
                ClassroomStrategy.problem(bad));
    }
}
