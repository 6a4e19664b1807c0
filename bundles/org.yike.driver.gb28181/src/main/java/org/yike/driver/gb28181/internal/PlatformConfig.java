package org.yike.driver.gb28181.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%platform.name",
        description = "%platform.description")
public @interface PlatformConfig {

    @AttributeDefinition(name = "%address.name", description = "%address.description", required = false)
    String address() default "";

    @AttributeDefinition(name = "%port.name", min = "1", max = "65535")
    int port() default 5060;

    @AttributeDefinition(name = "%platformId.name", description = "%platformId.description")
    String id() default "34020000002000000001";

    @AttributeDefinition(name = "%password.name", description = "%password.description", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "%keepalive.name", description = "%keepalive.description", min = "1", max = "3600")
    int keepaliveSeconds() default 60;

    @AttributeDefinition(name = "%rtpPortFirst.name", description = "%rtpPorts.description", min = "1024", max = "65535")
    int rtpPortFirst() default 30000;

    @AttributeDefinition(name = "%rtpPortLast.name", description = "%rtpPorts.description", min = "1024", max = "65535")
    int rtpPortLast() default 30999;
}
