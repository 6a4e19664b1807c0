package org.yike.connector.gb28181.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** A district GB/T 28181 platform that Yike registers to as an NVR: one factory configuration each. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%target.name", description = "%target.description",
        factoryPid = Gb28181Connector.FACTORY_PID)
public @interface UpstreamTarget {

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name();

    @AttributeDefinition(name = "%platformAddress.name", description = "%platformAddress.description")
    String platformAddress();

    @AttributeDefinition(name = "%platformPort.name", description = "%platformPort.description", min = "1", max = "65535")
    int platformPort() default 5060;

    @AttributeDefinition(name = "%platformId.name", description = "%platformId.description")
    String platformId();

    @AttributeDefinition(name = "%platformDomain.name", description = "%platformDomain.description", required = false)
    String platformDomain() default "";

    @AttributeDefinition(name = "%deviceId.name", description = "%deviceId.description")
    String deviceId();

    @AttributeDefinition(name = "%password.name", description = "%password.description", type = AttributeType.PASSWORD)
    String password();

    @AttributeDefinition(name = "%localAddress.name", description = "%localAddress.description", required = false)
    String localAddress() default "";

    @AttributeDefinition(name = "%localPort.name", description = "%localPort.description", min = "1", max = "65535")
    int localPort() default 5060;

    @AttributeDefinition(name = "%expirySeconds.name", description = "%expirySeconds.description", min = "60")
    int expirySeconds() default 3600;

    @AttributeDefinition(name = "%keepaliveSeconds.name", description = "%keepaliveSeconds.description", min = "1")
    int keepaliveSeconds() default 60;

    @AttributeDefinition(name = "%rtpPortFirst.name", description = "%rtpPortFirst.description", min = "1024", max = "65535")
    int rtpPortFirst() default 30000;

    @AttributeDefinition(name = "%rtpPortLast.name", description = "%rtpPortLast.description", min = "1024", max = "65535")
    int rtpPortLast() default 30100;
}
