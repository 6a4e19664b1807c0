package org.yike.director.manual.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%manual.name", description = "%manual.description")
public @interface ManualConfig {

    @AttributeDefinition(name = "%opening.name", description = "%opening.description")
    String[] openingRoles() default {"TEACHER_CLOSEUP", "TEACHER_WIDE"};
}
