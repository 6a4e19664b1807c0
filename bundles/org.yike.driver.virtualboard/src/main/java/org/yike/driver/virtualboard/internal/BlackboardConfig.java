package org.yike.driver.virtualboard.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Virtual blackboard camera", description = "A test-pattern blackboard camera for a classroom.")
public @interface BlackboardConfig {

    @AttributeDefinition(name = "Device id")
    String id() default "virtual-board-101";

    @AttributeDefinition(name = "Classroom")
    String classroom() default "101";

    @AttributeDefinition(name = "Picture width", min = "16", max = "3840")
    int width() default 1920;

    @AttributeDefinition(name = "Picture height", min = "16", max = "2160")
    int height() default 1080;

    @AttributeDefinition(name = "Frames per second", min = "1", max = "60")
    int fps() default 25;

    @AttributeDefinition(name = "The teacher writes every (s)", description = "0: never.", min = "0")
    int writesEverySeconds() default 30;
}
