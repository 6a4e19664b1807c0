package org.yike.connector.ftp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** A publishing target on an FTP server: one factory configuration each. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", name = "%target.name", description = "%target.description",
        factoryPid = FtpConnector.FACTORY_PID)
public @interface FtpTarget {

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name();

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url();

    @AttributeDefinition(name = "%user.name", description = "%user.description")
    String user() default "anonymous";

    @AttributeDefinition(name = "%password.name", description = "%password.description", type = AttributeType.PASSWORD,
            required = false)
    String password() default "";

    @AttributeDefinition(name = "%tls.name", description = "%tls.description", options = {
            @Option(value = "none", label = "%tls.none"), @Option(value = "explicit", label = "%tls.explicit"),
            @Option(value = "implicit", label = "%tls.implicit") })
    String tls() default "none";

    @AttributeDefinition(name = "%certificateSha256.name", description = "%certificateSha256.description", required = false)
    String certificateSha256() default "";

    @AttributeDefinition(name = "%passive.name", description = "%passive.description")
    boolean passive() default true;

    @AttributeDefinition(name = "%encoding.name", description = "%encoding.description", options = {
            @Option(value = "UTF-8", label = "UTF-8"), @Option(value = "GBK", label = "GBK") })
    String encoding() default "UTF-8";

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
