package org.yike.director.patrol.internal;

import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yike.kit.director.Scenario;

public class PatrolStrategyTest {

    @Test
    public void aStepThatIsNeitherARoleNorALayoutIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PatrolStrategy(
                Scenario.configuration(PatrolConfig.class, Map.of("steps", List.of("TEACHER_CLOSEUP", "PODIUM")))));
    }
}
