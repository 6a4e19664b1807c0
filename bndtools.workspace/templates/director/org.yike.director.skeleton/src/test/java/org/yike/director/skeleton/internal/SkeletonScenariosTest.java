package org.yike.director.skeleton.internal;

import org.yike.api.director.DirectorStrategy;
import org.yike.kit.director.Scenario;
import org.yike.kit.director.ScenarioTest;

/** The scenarios in src/test/resources/scenarios against their golden files. */
public class SkeletonScenariosTest extends ScenarioTest {

    @Override
    protected DirectorStrategy strategy(Scenario scenario) {
        return new SkeletonStrategy(scenario.config(SkeletonConfig.class));
    }
}
