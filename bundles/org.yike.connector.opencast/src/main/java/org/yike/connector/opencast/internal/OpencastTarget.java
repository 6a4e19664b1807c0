package org.yike.connector.opencast.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** An Opencast server lessons are ingested into, optionally with a room as its capture agent. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%target.name", description = "%target.description",
        factoryPid = OpencastConnector.FACTORY_PID)
public @interface OpencastTarget {

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name();

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url();

    @AttributeDefinition(name = "%user.name", description = "%user.description")
    String user();

    @AttributeDefinition(name = "%password.name", description = "%password.description", type = AttributeType.PASSWORD)
    String password();

    @AttributeDefinition(name = "%auth.name", description = "%auth.description", options = {
            @Option(value = "digest", label = "%auth.digest"), @Option(value = "basic", label = "%auth.basic") })
    String auth() default "digest";

    @AttributeDefinition(name = "%workflow.name", description = "%workflow.description")
    String workflow() default "schedule-and-upload";

    @AttributeDefinition(name = "%flavor.name", description = "%flavor.description")
    String flavor() default "presenter/source";

    @AttributeDefinition(name = "%presentationSource.name", description = "%presentationSource.description", required = false)
    String presentationSource() default "";

    @AttributeDefinition(name = "%agentName.name", description = "%agentName.description", required = false)
    String agentName() default "";

    @AttributeDefinition(name = "%room.name", description = "%room.description", required = false)
    String room() default "";

    @AttributeDefinition(name = "%pollSeconds.name", description = "%pollSeconds.description", min = "5")
    int pollSeconds() default 60;

    @AttributeDefinition(name = "%timeoutSeconds.name", description = "%timeoutSeconds.description", min = "1")
    int timeoutSeconds() default 60;

    @AttributeDefinition(name = "%window.name", description = "%window.description", required = false)
    String window() default "";
}
