package org.yike.connector.skeleton.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The defaults of a target; a publish call's target keys of the same names replace them. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%connector.name", description = "%connector.description")
public @interface SkeletonConfig {

    @AttributeDefinition(name = "%folder.name", description = "%folder.description", required = false)
    String folder() default "";
}
