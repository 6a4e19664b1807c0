package org.yike.publish.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%publish.name", description = "%publish.description")
public @interface PublishConfig {

    @AttributeDefinition(name = "%retryFirstSeconds.name", description = "%retryFirstSeconds.description", min = "0")
    double retryFirstSeconds() default 10;

    @AttributeDefinition(name = "%retryLongestSeconds.name", description = "%retryLongestSeconds.description", min = "0")
    double retryLongestSeconds() default 900;

    @AttributeDefinition(name = "%attempts.name", description = "%attempts.description", min = "0")
    int attempts() default 100;

    @AttributeDefinition(name = "%parallel.name", description = "%parallel.description", min = "1")
    int parallel() default 2;
}
