package org.yike.driver.v4l2.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%camera.name",
        description = "%camera.description")
public @interface V4l2CameraConfig {

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

    @AttributeDefinition(name = "%device.name", description = "%device.description")
    String device() default "/dev/video0";

    @AttributeDefinition(name = "%videoSize.name", description = "%videoSize.description")
    String videoSize() default "1280x720";

    @AttributeDefinition(name = "%framerate.name", description = "%framerate.description", min = "1", max = "120")
    int framerate() default 25;

    @AttributeDefinition(name = "%inputFormat.name", description = "%inputFormat.description", options = {
            @Option(value = "mjpeg", label = "%inputFormat.mjpeg"),
            @Option(value = "yuyv422", label = "%inputFormat.yuyv422"),
            @Option(value = "h264", label = "%inputFormat.h264") })
    String inputFormat() default "mjpeg";

    @AttributeDefinition(name = "%check.name", description = "%check.description", min = "1", max = "3600")
    int checkSeconds() default 2;
}
