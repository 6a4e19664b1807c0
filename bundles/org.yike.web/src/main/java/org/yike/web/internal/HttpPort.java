package org.yike.web.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.settings.FrameworkSettings;

/**
 * Tells Felix HTTP which port to open. The runtime starts Felix HTTP disabled
 * ({@code org.apache.felix.http.enable=false}), so it never binds a port before this has read
 * {@code yike.http.port} / {@code YIKE_HTTP_PORT}.
 */
@Component(immediate = true, service = {})
public class HttpPort {

    static final String FELIX_HTTP_PID = "org.apache.felix.http";
    private static final Logger LOG = LoggerFactory.getLogger(HttpPort.class);

    @Activate
    public HttpPort(BundleContext context, @Reference ConfigurationAdmin configurations) throws IOException {
        int port = FrameworkSettings.of(context).httpPort();
        Configuration c = configurations.getConfiguration(FELIX_HTTP_PID, "?");
        Dictionary<String, Object> current = c.getProperties();
        if (current == null || !Integer.valueOf(port).equals(current.get("org.osgi.service.http.port"))
                || !Boolean.TRUE.equals(current.get("org.apache.felix.http.enable"))) {
            Dictionary<String, Object> p = new Hashtable<>();
            p.put("org.osgi.service.http.port", port);
            p.put("org.apache.felix.http.enable", true);
            c.update(p);
        }
        LOG.info("Yike API at http://localhost:{}/api/status", port);
    }
}
