package org.yike.district.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%inbox.name", description = "%inbox.description")
public @interface InboxConfig {

    @AttributeDefinition(name = "%enabled.name", description = "%inboxEnabled.description")
    boolean enabled() default false;

    @AttributeDefinition(name = "%servers.name", description = "%servers.description")
    String servers() default "nats://127.0.0.1:4222";

    @AttributeDefinition(name = "%user.name", required = false)
    String user() default "";

    @AttributeDefinition(name = "%password.name", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "%token.name", description = "%token.description", type = AttributeType.PASSWORD, required = false)
    String token() default "";

    @AttributeDefinition(name = "%stream.name", description = "%stream.description")
    String stream() default "YIKE_EVENTS";

    @AttributeDefinition(name = "%durable.name", description = "%durable.description")
    String durable() default "yike-district";

    @AttributeDefinition(name = "%ackWait.name", description = "%ackWait.description", min = "1", max = "3600")
    int ackWaitSeconds() default 30;

    @AttributeDefinition(name = "%maxBackOff.name", description = "%maxBackOff.description", min = "1", max = "3600")
    int maxBackOffSeconds() default 60;
}
