package org.yike.catalog.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%database.name", description = "%database.description")
public @interface DatabaseConfig {

    @AttributeDefinition(name = "%engine.name", description = "%engine.description", options = {
            @Option(label = "%engine.derby", value = "derby"), @Option(label = "%engine.postgresql", value = "postgresql")})
    String engine() default "derby";

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url() default "";

    @AttributeDefinition(name = "%user.name")
    String user() default "";

    @AttributeDefinition(name = "%password.name", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "%pool.name", description = "%pool.description", min = "6", max = "200")
    int poolSize() default 10;
}
