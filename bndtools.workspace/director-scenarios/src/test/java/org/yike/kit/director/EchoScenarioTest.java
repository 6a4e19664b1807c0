package org.yike.kit.director;

import static org.junit.Assert.assertThrows;
import static org.junit.Assume.assumeFalse;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;

/** The kit on itself: a strategy that cuts to whatever source an event names, and takes every order. */
public class EchoScenarioTest extends ScenarioTest {

    @Retention(RetentionPolicy.RUNTIME)
    @interface EchoConfig {
        String prefix() default "echo";

        long ignoredBeforeMillis() default 0;
    }

    record Echo(EchoConfig config) implements DirectorStrategy {

        @Override
        public String id() {
            return "echo";
        }

        @Override
        public Director direct(String classroom, List<ProgramSource> sources) {
            return new Director() {
                @Override
                public ProgramDecision start() {
                    return ProgramDecision.full(0, sources.get(0).key(), "lesson started with " + sources.size() + " sources");
                }

                @Override
                public Optional<ProgramDecision> onEvent(ClassroomEvent event, long at) {
                    if (at < config.ignoredBeforeMillis() || event.sourceId() == null) return Optional.empty();
                    String key = event.deviceId() + "/" + event.sourceId();
                    return Optional.of(ProgramDecision.full(at, key, config.prefix() + " " + event.type()));
                }

                @Override
                public Optional<ProgramDecision> onTick(long at) {
                    return Optional.empty();
                }

                @Override
                public Optional<ProgramDecision> onCommand(ProgramDecision wanted, long at) {
                    return Optional.of(wanted);
                }
            };
        }
    }

    @Override
    protected DirectorStrategy strategy(Scenario scenario) {
        return new Echo(scenario.config(EchoConfig.class));
    }

    @interface OtherConfig {
        String something() default "";
    }

    @Test
    public void aConfigurationWithoutTheScenariosAttributesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> scenario.config(OtherConfig.class));
    }

    @Test
    public void otherShotsFailTheComparison() {
        assumeFalse("golden files are being rewritten", Boolean.getBoolean(Scenario.UPDATE));
        Echo echo = new Echo(scenario.config(EchoConfig.class));
        DirectorStrategy otherOpening = new DirectorStrategy() {
            @Override
            public String id() {
                return "other";
            }

            @Override
            public Director direct(String classroom, List<ProgramSource> sources) {
                List<ProgramSource> reversed = new ArrayList<>(sources);
                Collections.reverse(reversed);
                return echo.direct(classroom, reversed);
            }
        };
        assertThrows(AssertionError.class, () -> scenario.assertGolden(otherOpening));
    }
}
