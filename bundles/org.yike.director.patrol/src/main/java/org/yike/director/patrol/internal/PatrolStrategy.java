package org.yike.director.patrol.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.device.Role;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramSource;

@Component(property = DirectorStrategy.ID + "=" + PatrolStrategy.ID, configurationPid = "org.yike.director.patrol")
@Designate(ocd = PatrolConfig.class)
public class PatrolStrategy implements DirectorStrategy {

    static final String ID = "patrol";

    private final long period;
    private final List<String> steps;

    /** A step that is neither a role nor a layout is refused here, with its name, rather than at a lesson's start. */
    @Activate
    public PatrolStrategy(PatrolConfig config) {
        if (config.periodMillis() <= 0) throw new IllegalArgumentException("patrol period must be positive: " + config.periodMillis());
        this.period = config.periodMillis();
        this.steps = List.of(config.steps()).stream().map(String::trim).toList();
        for (String step : steps) {
            if (!isNamed(Role.values(), step) && !isNamed(Layout.values(), step)) {
                throw new IllegalArgumentException("patrol step " + step + " is neither a role nor a layout");
            }
        }
    }

    static boolean isNamed(Enum<?>[] values, String name) {
        return List.of(values).stream().anyMatch(v -> v.name().equals(name));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Director direct(String classroom, List<ProgramSource> sources) {
        return new PatrolDirector(sources, steps, period);
    }
}
