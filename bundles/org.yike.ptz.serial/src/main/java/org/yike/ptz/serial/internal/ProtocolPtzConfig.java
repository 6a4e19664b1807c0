package org.yike.ptz.serial.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%ptz.name", description = "%ptz.description")
public @interface ProtocolPtzConfig {

    @AttributeDefinition(name = "%deviceId.name", description = "%deviceId.description")
    String deviceId();

    @AttributeDefinition(name = "%protocol.name", options = {
            @Option(value = "visca", label = "%protocol.visca"),
            @Option(value = "pelcod", label = "%protocol.pelcod") })
    String protocol() default "visca";

    @AttributeDefinition(name = "%host.name")
    String host();

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 52381;

    @AttributeDefinition(name = "%address.name", description = "%address.description", min = "1", max = "255")
    int address() default 1;

    @AttributeDefinition(name = "%presetCount.name", description = "%presetCount.description", min = "0", max = "255")
    int presetCount() default 16;

    @AttributeDefinition(name = "%timeout.name", min = "100", max = "10000")
    int timeoutMillis() default 1000;
}
