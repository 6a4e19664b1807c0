package org.yike.storage.local.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%storage.name", description = "%storage.description")
public @interface LocalStorage {

    @AttributeDefinition(name = "%folder.name", description = "%folder.description", required = false)
    String folder() default "";
}
