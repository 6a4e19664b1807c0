package org.yike.director.audio.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%audio.name", description = "%audio.description")
public @interface AudioConfig {

    @AttributeDefinition(name = "%microphones.name", description = "%microphones.description")
    String[] microphones() default {};

    @AttributeDefinition(name = "%defaultShot.name", description = "%defaultShot.description")
    String defaultShot() default "TEACHER_CLOSEUP";

    @AttributeDefinition(name = "%minShot.name", description = "%minShot.description", min = "0")
    long minShotMillis() default 3000;

    @AttributeDefinition(name = "%hold.name", description = "%hold.description", min = "0")
    long holdMillis() default 3000;
}
