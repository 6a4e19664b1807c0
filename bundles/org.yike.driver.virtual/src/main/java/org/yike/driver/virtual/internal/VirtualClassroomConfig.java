package org.yike.driver.virtual.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%classroom.name",
        description = "%classroom.description")
public @interface VirtualClassroomConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "virtual-101";

    @AttributeDefinition(name = "%classroom.room.name")
    String classroom() default "101";

    @AttributeDefinition(name = "%label.name")
    String label() default "Virtual classroom 101";

    @AttributeDefinition(name = "%width.name", min = "16", max = "3840")
    int width() default 1920;

    @AttributeDefinition(name = "%height.name", min = "16", max = "2160")
    int height() default 1080;

    @AttributeDefinition(name = "%fps.name", min = "1", max = "60")
    int fps() default 25;

    @AttributeDefinition(name = "%tone.name", min = "20", max = "20000")
    int toneHz() default 440;

    @AttributeDefinition(name = "%speech.name", description = "%speech.description")
    String speech() default "";

    @AttributeDefinition(name = "%stand.every.name", description = "%stand.every.description", min = "0")
    int studentStandsEverySeconds() default 20;

    @AttributeDefinition(name = "%stand.for.name", min = "1")
    int studentStandsForSeconds() default 6;

    @AttributeDefinition(name = "%slide.every.name", description = "%slide.every.description", min = "0")
    int coursewareChangesEverySeconds() default 45;

    @AttributeDefinition(name = "%teacherUrl.name", description = "%teacherUrl.description")
    String teacherUrl() default "";

    @AttributeDefinition(name = "%font.name", description = "%font.description")
    String font() default "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    @AttributeDefinition(name = "%timeCode.name", description = "%timeCode.description")
    boolean timeCode() default false;

    @AttributeDefinition(name = "%people.name", description = "%people.description")
    boolean people() default false;

    @AttributeDefinition(name = "%scriptedEvents.name", description = "%scriptedEvents.description")
    boolean scriptedEvents() default true;
}
