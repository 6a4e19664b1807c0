package org.yike.connector.sftp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** A publishing target on an SFTP server: one factory configuration each. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%target.name", description = "%target.description",
        factoryPid = SftpConnector.FACTORY_PID)
public @interface SftpTarget {

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name();

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url();

    @AttributeDefinition(name = "%user.name", description = "%user.description")
    String user();

    @AttributeDefinition(name = "%password.name", description = "%password.description", type = AttributeType.PASSWORD,
            required = false)
    String password() default "";

    @AttributeDefinition(name = "%privateKey.name", description = "%privateKey.description", type = AttributeType.PASSWORD,
            required = false)
    String privateKey() default "";

    @AttributeDefinition(name = "%passphrase.name", description = "%passphrase.description", type = AttributeType.PASSWORD,
            required = false)
    String passphrase() default "";

    @AttributeDefinition(name = "%timeoutSeconds.name", description = "%timeoutSeconds.description", min = "1")
    int timeoutSeconds() default 30;

    @AttributeDefinition(name = "%pattern.name", description = "%pattern.description")
    String pattern() default "{room}/{date}/{title}.{ext}";

    @AttributeDefinition(name = "%files.name", description = "%files.description", options = {
            @Option(value = "program", label = "%files.program"), @Option(value = "all", label = "%files.all"),
            @Option(value = "resources", label = "%files.resources") })
    String files() default "program";

    @AttributeDefinition(name = "%window.name", description = "%window.description", required = false)
    String window() default "";

    @AttributeDefinition(name = "%maxMbps.name", description = "%maxMbps.description", min = "0")
    double maxMbps() default 0;
}
