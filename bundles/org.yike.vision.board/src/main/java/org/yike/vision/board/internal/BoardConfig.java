package org.yike.vision.board.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%board.name", description = "%board.description")
public @interface BoardConfig {

    @AttributeDefinition(name = "%courseware.name", description = "%courseware.description")
    boolean courseware() default true;

    @AttributeDefinition(name = "%blackboard.name", description = "%blackboard.description")
    boolean blackboard() default true;

    @AttributeDefinition(name = "%sources.name", description = "%sources.description")
    String[] sources() default {};

    @AttributeDefinition(name = "%fps.name", description = "%fps.description", min = "0.2", max = "25")
    double fps() default 2;

    @AttributeDefinition(name = "%threshold.name", description = "%threshold.description", min = "1", max = "255")
    int threshold() default 16;

    @AttributeDefinition(name = "%slidePercent.name", description = "%slidePercent.description", min = "1", max = "100")
    int slidePercent() default 10;

    @AttributeDefinition(name = "%stillSeconds.name", description = "%stillSeconds.description", min = "0")
    double stillSeconds() default 1;

    @AttributeDefinition(name = "%boardZone.name", description = "%boardZone.description")
    String boardZone() default "0,0,1,1";

    @AttributeDefinition(name = "%lastingSeconds.name", description = "%lastingSeconds.description", min = "0")
    double lastingSeconds() default 2;

    @AttributeDefinition(name = "%writingPercent.name", description = "%writingPercent.description", min = "1", max = "100")
    int writingPercent() default 5;

    @AttributeDefinition(name = "%repeatSeconds.name", description = "%repeatSeconds.description", min = "0")
    double repeatSeconds() default 10;
}
