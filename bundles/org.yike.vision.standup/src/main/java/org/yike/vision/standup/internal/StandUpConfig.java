package org.yike.vision.standup.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%standup.name", description = "%standup.description")
public @interface StandUpConfig {

    @AttributeDefinition(name = "%source.name", description = "%source.description", required = false)
    String source() default "";

    @AttributeDefinition(name = "%role.name", description = "%role.description",
            options = {@Option(value = "teacher"), @Option(value = "teacher_wide"), @Option(value = "student"),
                    @Option(value = "student_wide"), @Option(value = "courseware"), @Option(value = "blackboard")})
    String role() default "student_wide";

    @AttributeDefinition(name = "%width.name", description = "%size.description", min = "16", max = "3840")
    int width() default 640;

    @AttributeDefinition(name = "%height.name", description = "%size.description", min = "16", max = "2160")
    int height() default 360;

    @AttributeDefinition(name = "%fps.name", description = "%fps.description", min = "0.1", max = "60")
    double fps() default 5;

    @AttributeDefinition(name = "%seatZones.name", description = "%seatZones.description")
    String[] seatZones() default {"0,0.333,1,0.667"};

    @AttributeDefinition(name = "%standSeconds.name", description = "%standSeconds.description", min = "0")
    double standSeconds() default 1;

    @AttributeDefinition(name = "%sensitivity.name", description = "%sensitivity.description", min = "0", max = "100")
    int sensitivity() default 50;

    @AttributeDefinition(name = "%model.name", description = "%model.description", required = false)
    String model() default "";
}
