package org.yike.vision.tracking.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%tracking.name", description = "%tracking.description")
public @interface TrackingConfig {

    @AttributeDefinition(name = "%source.name", description = "%source.description")
    String source() default "";

    @AttributeDefinition(name = "%role.name", description = "%role.description",
            options = {@Option(value = "teacher_wide"), @Option(value = "teacher")})
    String role() default "teacher_wide";

    @AttributeDefinition(name = "%width.name", min = "64", max = "1280")
    int width() default 320;

    @AttributeDefinition(name = "%height.name", min = "36", max = "720")
    int height() default 180;

    @AttributeDefinition(name = "%fps.name", min = "1", max = "25")
    int fps() default 8;

    @AttributeDefinition(name = "%bandTop.name", description = "%band.description", min = "0", max = "1")
    double bandTop() default 0.1;

    @AttributeDefinition(name = "%bandBottom.name", description = "%band.description", min = "0", max = "1")
    double bandBottom() default 0.95;

    @AttributeDefinition(name = "%threshold.name", description = "%threshold.description", min = "4", max = "128")
    int threshold() default 24;

    @AttributeDefinition(name = "%window.name", description = "%window.description", min = "0.1", max = "1")
    double windowWidth() default 0.5;

    @AttributeDefinition(name = "%panSpeed.name", description = "%panSpeed.description", min = "0.01", max = "2")
    double maxPanSpeed() default 0.35;

    @AttributeDefinition(name = "%frameY.name", description = "%frameY.description", min = "0", max = "1")
    double frameY() default 0.45;

    @AttributeDefinition(name = "%podiumLeft.name", description = "%podium.description", min = "0", max = "1")
    double podiumLeft() default 0.25;

    @AttributeDefinition(name = "%podiumRight.name", description = "%podium.description", min = "0", max = "1")
    double podiumRight() default 0.75;
}
