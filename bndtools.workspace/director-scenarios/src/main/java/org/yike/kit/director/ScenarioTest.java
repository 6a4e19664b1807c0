package org.yike.kit.director;

import java.io.IOException;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;
import org.yike.api.director.DirectorStrategy;

/**
 * Extend it in a strategy bundle's tests: each scenario of the bundle
 * ({@code src/test/resources/scenarios/*.json}) becomes a test that plays it against the strategy
 * and compares the shots to its golden file.
 */
@RunWith(Parameterized.class)
public abstract class ScenarioTest {

    @Parameters(name = "{0}")
    public static List<Scenario> scenarios() throws IOException {
        return Scenario.all();
    }

    @Parameter
    public Scenario scenario;

    /** The strategy under test, made from the scenario's configuration ({@link Scenario#config}). */
    protected abstract DirectorStrategy strategy(Scenario scenario);

    @Test
    public void shotsAsInTheGoldenFile() throws IOException {
        scenario.assertGolden(strategy(scenario));
    }
}
