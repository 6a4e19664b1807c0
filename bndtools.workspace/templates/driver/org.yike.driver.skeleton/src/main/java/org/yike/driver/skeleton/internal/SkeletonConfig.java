package org.yike.driver.skeleton.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The device's form in the API: labels from OSGI-INF/l10n/bundle*.properties. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%camera.name", description = "%camera.description")
public @interface SkeletonConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%label.name", required = false)
    String name() default "";

    @AttributeDefinition(name = "%classroom.name")
    String classroom();

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url();

    @AttributeDefinition(name = "%format.name", description = "%format.description", required = false)
    String format() default "";

    @AttributeDefinition(name = "%check.name", min = "1", max = "3600")
    int checkSeconds() default 30;
}
