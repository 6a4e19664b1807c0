package org.yike.director.classroom.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramSource;

@Component(property = DirectorStrategy.ID + "=" + ClassroomStrategy.ID, configurationPid = "org.yike.director.classroom")
@Designate(ocd = ClassroomConfig.class)
public class ClassroomStrategy implements DirectorStrategy {

    static final String ID = "classroom";

    private final ClassroomConfig config;

    /** A configuration that cannot direct is refused here, with its reasons, rather than in the middle of a lesson. */
    @Activate
    public ClassroomStrategy(ClassroomConfig config) {
        String problem = problem(config);
        if (problem != null) throw new IllegalArgumentException("classroom director: " + problem);
        this.config = config;
    }

    static String problem(ClassroomConfig c) {
        List<String> p = new ArrayList<>();
        for (String layout : List.of(c.studentLayout(), c.coursewareLayout())) {
            if (Arrays.stream(Layout.values()).noneMatch(l -> l.name().equals(layout) && l.sources() <= 2)) {
                p.add("layout " + layout + " is not one of full, picture-in-picture or side by side");
            }
        }
        if (LongStream.of(c.minShotMillis(), c.holdMillis(), c.coursewareMillis(), c.blackboardMillis(), c.idleMillis())
                .anyMatch(t -> t < 0)) {
            p.add("times must not be negative");
        }
        if (!(c.cropSize() > 0 && c.cropSize() <= 1)) p.add("cropSize " + c.cropSize() + " must be more than 0 and at most 1");
        if (!(c.closeUpLeft() < c.closeUpRight() && c.closeUpTop() < c.closeUpBottom())) {
            p.add("the close-up area needs left < right and top < bottom");
        }
        return p.isEmpty() ? null : String.join("; ", p);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Director direct(String classroom, List<ProgramSource> sources) {
        return new ClassroomDirector(config, sources);
    }
}
