package org.yike.director.basic.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.director.Director;
import org.yike.api.director.Layout;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.ProgramSource;

@Component(property = DirectorStrategy.ID + "=" + BasicStrategy.ID, configurationPid = "org.yike.director.basic")
@Designate(ocd = BasicDirectorConfig.class)
public class BasicStrategy implements DirectorStrategy {

    static final String ID = "basic";

    private final BasicDirectorConfig config;

    @Activate
    public BasicStrategy(BasicDirectorConfig config) {
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Director direct(String classroom, List<ProgramSource> sources) {
        return new BasicDirector(sources, config.coursewareHoldMillis(), config.studentHoldMillis(),
                Layout.valueOf(config.coursewareLayout()));
    }
}
