package org.yike.driver.onvif.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%driver.name",
        description = "%driver.description")
public @interface OnvifDriverConfig {

    @AttributeDefinition(name = "%discoveryAddress.name", description = "%discoveryAddress.description")
    String discoveryAddress() default "239.255.255.250";

    @AttributeDefinition(name = "%discoveryPort.name", min = "1", max = "65535")
    int discoveryPort() default 3702;
}
