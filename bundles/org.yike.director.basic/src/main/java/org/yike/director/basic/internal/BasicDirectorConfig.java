package org.yike.director.basic.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Basic director", description = "Teacher by default; students while one stands; courseware after a change.")
public @interface BasicDirectorConfig {

    @AttributeDefinition(name = "Courseware shown after a change (ms)", min = "0")
    long coursewareHoldMillis() default 8000;

    @AttributeDefinition(name = "Students shown after the student sits (ms)", min = "0")
    long studentHoldMillis() default 2000;
}
