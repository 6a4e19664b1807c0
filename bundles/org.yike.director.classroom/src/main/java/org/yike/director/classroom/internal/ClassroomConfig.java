package org.yike.director.classroom.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%classroom.name", description = "%classroom.description")
public @interface ClassroomConfig {

    @AttributeDefinition(name = "%minShot.name", description = "%minShot.description", min = "0")
    long minShotMillis() default 2000;

    @AttributeDefinition(name = "%hold.name", description = "%hold.description", min = "0")
    long holdMillis() default 2000;

    @AttributeDefinition(name = "%closeUpLeft.name", description = "%closeUp.description", min = "0", max = "1")
    double closeUpLeft() default 0.2;

    @AttributeDefinition(name = "%closeUpRight.name", description = "%closeUp.description", min = "0", max = "1")
    double closeUpRight() default 0.8;

    @AttributeDefinition(name = "%closeUpTop.name", description = "%closeUp.description", min = "0", max = "1")
    double closeUpTop() default 0;

    @AttributeDefinition(name = "%closeUpBottom.name", description = "%closeUp.description", min = "0", max = "1")
    double closeUpBottom() default 1;

    @AttributeDefinition(name = "%studentLayout.name", description = "%studentLayout.description",
            options = {@Option(value = "FULL"), @Option(value = "PIP_TOP_LEFT"), @Option(value = "PIP_TOP_RIGHT"),
                    @Option(value = "PIP_BOTTOM_LEFT"), @Option(value = "PIP_BOTTOM_RIGHT"), @Option(value = "SIDE_BY_SIDE")})
    String studentLayout() default "FULL";

    @AttributeDefinition(name = "%cropStudents.name", description = "%cropStudents.description")
    boolean cropStudents() default false;

    @AttributeDefinition(name = "%cropSize.name", description = "%cropSize.description", min = "0.05", max = "1")
    double cropSize() default 0.4;

    @AttributeDefinition(name = "%teacherCropSize.name", description = "%teacherCropSize.description", min = "0", max = "1")
    double teacherCropSize() default 0;

    @AttributeDefinition(name = "%studentPreset.name", description = "%studentPreset.description")
    String studentPreset() default "";

    @AttributeDefinition(name = "%courseware.name", min = "0")
    long coursewareMillis() default 8000;

    @AttributeDefinition(name = "%coursewareLayout.name", description = "%coursewareLayout.description",
            options = {@Option(value = "FULL"), @Option(value = "PIP_TOP_LEFT"), @Option(value = "PIP_TOP_RIGHT"),
                    @Option(value = "PIP_BOTTOM_LEFT"), @Option(value = "PIP_BOTTOM_RIGHT"), @Option(value = "SIDE_BY_SIDE")})
    String coursewareLayout() default "PIP_TOP_RIGHT";

    @AttributeDefinition(name = "%blackboard.name", description = "%blackboard.description", min = "0")
    long blackboardMillis() default 6000;

    @AttributeDefinition(name = "%idle.name", description = "%idle.description", min = "0")
    long idleMillis() default 30000;
}
