package org.yike.district.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%uplink.name", description = "%uplink.description")
public @interface UplinkConfig {

    @AttributeDefinition(name = "%enabled.name", description = "%enabled.description")
    boolean enabled() default false;

    @AttributeDefinition(name = "%school.name", description = "%school.description")
    String school();

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

    @AttributeDefinition(name = "%topics.name", description = "%topics.description")
    String[] event_topics() default {"org/yike/recording/STOPPED", "org/yike/recording/FAILED", "org/yike/recording/SOURCE_STATE",
            "org/yike/recording/DISK_LOW", "org/yike/catalog/REVIEWED", "org/yike/catalog/DELETED", "org/yike/catalog/VIEWED", "org/yike/schedule/SESSION_FAILED",
            "org/yike/evaluation/SUBMITTED"};

    @AttributeDefinition(name = "%maxBackOff.name", description = "%maxBackOff.description", min = "1", max = "3600")
    int maxBackOffSeconds() default 60;

    @AttributeDefinition(name = "%keepSent.name", description = "%keepSent.description", min = "1", max = "3650")
    int keepSentDays() default 7;
}
