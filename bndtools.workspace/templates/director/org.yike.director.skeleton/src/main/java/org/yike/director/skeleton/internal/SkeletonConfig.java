package org.yike.director.skeleton.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%director.name", description = "%director.description")
public @interface SkeletonConfig {

    @AttributeDefinition(name = "%minShot.name", description = "%minShot.description", min = "0")
    long minShotMillis() default 3000;

    @AttributeDefinition(name = "%hold.name", description = "%hold.description", min = "0")
    long holdMillis() default 2000;
}
