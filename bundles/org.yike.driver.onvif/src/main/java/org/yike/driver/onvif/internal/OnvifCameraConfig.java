package org.yike.driver.onvif.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%camera.name",
        description = "%camera.description")
public @interface OnvifCameraConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%label.name")
    String name();

    @AttributeDefinition(name = "%classroom.name")
    String classroom();

    @AttributeDefinition(name = "%role.name", description = "%role.description", options = {
            @Option(value = "teacher", label = "%role.teacher"),
            @Option(value = "teacher_wide", label = "%role.teacher_wide"),
            @Option(value = "student", label = "%role.student"),
            @Option(value = "student_wide", label = "%role.student_wide"),
            @Option(value = "courseware", label = "%role.courseware"),
            @Option(value = "blackboard", label = "%role.blackboard") })
    String role();

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url();

    @AttributeDefinition(name = "%username.name", required = false)
    String username() default "";

    @AttributeDefinition(name = "%password.name", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "%timeout.name", description = "%timeout.description", min = "1", max = "60")
    int timeoutSeconds() default 5;

    @AttributeDefinition(name = "%check.name", description = "%check.description", min = "1", max = "3600")
    int checkSeconds() default 30;

    @AttributeDefinition(name = "%events.name", description = "%events.description", required = false)
    String[] events() default { "RuleEngine/CellMotionDetector/Motion=TEACHER_MOVED",
            "RuleEngine/LineDetector/Crossed=TEACHER_LEFT_PODIUM" };
}
