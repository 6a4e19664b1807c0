package org.yike.director.patrol.internal;

import org.yike.api.director.DirectorStrategy;
import org.yike.kit.director.Scenario;
import org.yike.kit.director.ScenarioTest;

/** The scenarios in src/test/resources/scenarios against their golden files. */
public class PatrolScenariosTest extends ScenarioTest {

    @Override
    protected DirectorStrategy strategy(Scenario scenario) {
        return new PatrolStrategy(scenario.config(PatrolConfig.class));
    }
}
