package org.yike.connector.rtmp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A live target on an RTMP server: one factory configuration each, for one room. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%target.name", description = "%target.description",
        factoryPid = RtmpConnector.FACTORY_PID)
public @interface RtmpTarget {

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name();

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url();

    @AttributeDefinition(name = "%room.name", description = "%room.description")
    String room();

    @AttributeDefinition(name = "%key.name", description = "%key.description", type = AttributeType.PASSWORD,
            required = false)
    String key() default "";

    @AttributeDefinition(name = "%timeoutSeconds.name", description = "%timeoutSeconds.description", min = "1")
    int timeoutSeconds() default 10;
}
