package org.yike.access.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Users and logins", description = "How long a login lasts and when failed logins lock a user out.")
public @interface AccessConfig {

    @AttributeDefinition(name = "Session lasts (minutes)", description = "A browser stays logged in this long after "
            + "its last call.", min = "5", max = "43200")
    int sessionMinutes() default 480;

    @AttributeDefinition(name = "Failed logins before lock-out", description = "Wrong passwords in a row for one "
            + "user (four times as many from one address, across names) before logins are refused for the lock-out time.", min = "3", max = "100")
    int maxFailedLogins() default 5;

    @AttributeDefinition(name = "Lock-out (minutes)", min = "1", max = "1440")
    int lockMinutes() default 15;
}
