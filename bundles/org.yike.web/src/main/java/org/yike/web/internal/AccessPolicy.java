package org.yike.web.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Access to the API", description = "Where this runtime is, which users' scopes cover it, "
        + "and from which networks each role may call.")
public @interface AccessPolicy {

    @AttributeDefinition(name = "School", description = "This runtime's school, as users' school scopes name it.")
    String school() default "";

    @AttributeDefinition(name = "Region code", description = "The school's GB/T 2260 region code (six digits, e.g. "
            + "440305): users whose scope is a region containing it reach this runtime.")
    String region() default "";

    @AttributeDefinition(name = "Allowed networks per role", description = "role=CIDR entries (e.g. "
            + "school-admin=10.1.0.0/16): a role with entries may call only from those networks; a role without any, from "
            + "anywhere. A malformed entry is logged and left out.")
    String[] allowedNetworks() default {};
}
