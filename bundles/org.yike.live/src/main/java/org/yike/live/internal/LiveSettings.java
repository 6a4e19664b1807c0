package org.yike.live.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How live delivery treats its viewers; PID {@code org.yike.live}. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%live.name",
        description = "%live.description")
public @interface LiveSettings {

    @AttributeDefinition(name = "%queuePackets.name", description = "%queuePackets.description", min = "50")
    int queuePackets() default 500;

    @AttributeDefinition(name = "%behindSeconds.name", description = "%behindSeconds.description", min = "1")
    int behindSeconds() default 3;

    @AttributeDefinition(name = "%hlsSegmentSeconds.name", description = "%hlsSegmentSeconds.description", min = "1", max = "10")
    int hlsSegmentSeconds() default 1;

    @AttributeDefinition(name = "%hlsListSize.name", description = "%hlsListSize.description", min = "2")
    int hlsListSize() default 4;

    @AttributeDefinition(name = "%hlsIdleSeconds.name", description = "%hlsIdleSeconds.description", min = "5")
    int hlsIdleSeconds() default 60;

    @AttributeDefinition(name = "%roomPlaces.name", description = "%roomPlaces.description")
    String[] roomPlaces() default {};
}
