package org.yike.director.classroom.internal;

import org.yike.api.director.DirectorStrategy;
import org.yike.kit.director.Scenario;
import org.yike.kit.director.ScenarioTest;

/** The scenarios in src/test/resources/scenarios against their golden files. */
public class ClassroomScenariosTest extends ScenarioTest {

    @Override
    protected DirectorStrategy strategy(Scenario scenario) {
        return new ClassroomStrategy(scenario.config(ClassroomConfig.class));
    }
}
