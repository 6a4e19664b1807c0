package org.yike.director.skeleton.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.ProgramSource;

/** Chosen per classroom by the id in its service property; a new configuration replaces the component. */
@Component(property = DirectorStrategy.ID + "=" + SkeletonStrategy.ID, configurationPid = "org.yike.director.skeleton")
@Designate(ocd = SkeletonConfig.class)
public class SkeletonStrategy implements DirectorStrategy {

    static final String ID = "skeleton";

    private final SkeletonConfig config;

    @Activate
    public SkeletonStrategy(SkeletonConfig config) {
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Director direct(String classroom, List<ProgramSource> sources) {
        return new SkeletonDirector(sources, config);
    }
}
