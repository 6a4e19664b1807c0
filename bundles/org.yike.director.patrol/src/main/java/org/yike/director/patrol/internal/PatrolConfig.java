package org.yike.director.patrol.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%patrol.name", description = "%patrol.description")
public @interface PatrolConfig {

    @AttributeDefinition(name = "%period.name", min = "1000")
    long periodMillis() default 10000;

    @AttributeDefinition(name = "%steps.name", description = "%steps.description")
    String[] steps() default {};
}
