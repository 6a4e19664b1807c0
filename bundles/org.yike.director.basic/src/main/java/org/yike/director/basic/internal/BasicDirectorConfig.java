package org.yike.director.basic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Basic director", description = "Teacher by default; students while one stands; courseware after a change.")
public @interface BasicDirectorConfig {

    @AttributeDefinition(name = "Courseware shown after a change (ms)", min = "0")
    long coursewareHoldMillis() default 8000;

    @AttributeDefinition(name = "Students shown after the student sits (ms)", min = "0")
    long studentHoldMillis() default 2000;

    @AttributeDefinition(name = "Courseware layout", description = "FULL, or the corner where the teacher appears over the courseware.",
            options = {@Option(value = "FULL"), @Option(value = "PIP_TOP_LEFT"), @Option(value = "PIP_TOP_RIGHT"),
                    @Option(value = "PIP_BOTTOM_LEFT"), @Option(value = "PIP_BOTTOM_RIGHT")})
    String coursewareLayout() default "PIP_TOP_RIGHT";
}
