package org.yike.scheduler.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%scheduler.name", description = "%scheduler.description")
public @interface SchedulerConfig {

    @AttributeDefinition(name = "%preRoll.name", description = "%preRoll.description", min = "0", max = "900")
    int preRollSeconds() default 60;

    @AttributeDefinition(name = "%postRoll.name", description = "%postRoll.description", min = "0", max = "900")
    int postRollSeconds() default 0;

    @AttributeDefinition(name = "%lateAfter.name", description = "%lateAfter.description", min = "0")
    int lateAfterSeconds() default 5;

    @AttributeDefinition(name = "%deviceGrace.name", description = "%deviceGrace.description", min = "0")
    int deviceGraceSeconds() default 20;
}
