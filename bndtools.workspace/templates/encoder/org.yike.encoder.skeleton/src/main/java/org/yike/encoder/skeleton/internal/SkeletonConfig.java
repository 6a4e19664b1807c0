package org.yike.encoder.skeleton.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%encoder.name", description = "%encoder.description")
public @interface SkeletonConfig {

    @AttributeDefinition(name = "%codec.name", description = "%codec.description")
    String codec() default "libopenh264";
}
