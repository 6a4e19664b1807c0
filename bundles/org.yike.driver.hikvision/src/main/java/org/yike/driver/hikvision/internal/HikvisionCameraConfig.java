package org.yike.driver.hikvision.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%camera.name",
        description = "%camera.description")
public @interface HikvisionCameraConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%label.name", required = false)
    String name() default "";

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

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host();

    @AttributeDefinition(name = "%httpPort.name", min = "1", max = "65535")
    int httpPort() default 80;

    @AttributeDefinition(name = "%rtspPort.name", min = "1", max = "65535")
    int rtspPort() default 554;

    @AttributeDefinition(name = "%channel.name", description = "%channel.description", min = "1", max = "64")
    int channel() default 1;

    @AttributeDefinition(name = "%username.name")
    String username() default "admin";

    @AttributeDefinition(name = "%password.name", type = AttributeType.PASSWORD)
    String password();

    @AttributeDefinition(name = "%events.name", description = "%events.description", required = false)
    String[] events() default { "VMD=TEACHER_MOVED", "linedetection=TEACHER_LEFT_PODIUM",
            "fielddetection=TEACHER_RETURNED" };

    @AttributeDefinition(name = "%timeout.name", min = "1", max = "60")
    int timeoutSeconds() default 5;

    @AttributeDefinition(name = "%check.name", description = "%check.description", min = "1", max = "3600")
    int checkSeconds() default 30;
}
