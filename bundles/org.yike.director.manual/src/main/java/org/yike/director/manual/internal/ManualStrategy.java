package org.yike.director.manual.internal;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.device.Role;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.ProgramSource;

@Component(property = DirectorStrategy.ID + "=" + ManualStrategy.ID, configurationPid = "org.yike.director.manual")
@Designate(ocd = ManualConfig.class)
public class ManualStrategy implements DirectorStrategy {

    static final String ID = "manual";

    private final Role[] opening;

    /** An unknown role is refused here, with its name, rather than at a lesson's start. */
    @Activate
    public ManualStrategy(ManualConfig config) {
        this.opening = Arrays.stream(config.openingRoles()).map(Role::valueOf).toArray(Role[]::new);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Director direct(String classroom, List<ProgramSource> sources) {
        return new ManualDirector(classroom, sources, opening);
    }
}
