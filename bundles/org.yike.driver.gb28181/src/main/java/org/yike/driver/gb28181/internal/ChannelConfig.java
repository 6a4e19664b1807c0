package org.yike.driver.gb28181.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%channel.name",
        description = "%channel.description")
public @interface ChannelConfig {

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
    String device();

    @AttributeDefinition(name = "%channelId.name", description = "%channelId.description")
    String channel();

    @AttributeDefinition(name = "%transport.name", description = "%transport.description", options = {
            @Option(value = "udp", label = "%transport.udp"),
            @Option(value = "tcp", label = "%transport.tcp"), @Option(value = "tcp-active", label = "%transport.tcpActive") })
    String transport() default "udp";
}
