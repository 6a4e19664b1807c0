package org.yike.dashboard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dashboard", description = "How the school's figures are counted.")
public @interface DashboardConfig {

    @AttributeDefinition(name = "Valid from (%)", description = "A whole recording counts as a valid lesson when it "
            + "holds at least this share of its session; shorter ones count as too short.", min = "1", max = "100")
    int validPercent() default 80;
}
