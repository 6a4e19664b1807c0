package org.yike.driver.onvif.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.DeviceDriver;
import org.yike.driver.support.FactoryDriver;

/** The ONVIF driver: its cameras are {@link OnvifCamera}s; it finds new ones with WS-Discovery. */
@Component(service = DeviceDriver.class, configurationPid = OnvifDriver.PID)
@Designate(ocd = OnvifDriverConfig.class)
public class OnvifDriver extends FactoryDriver {

    static final String ID = "onvif";
    static final String PID = "org.yike.driver.onvif";
    private static final Logger LOG = LoggerFactory.getLogger(OnvifDriver.class);

    private volatile InetSocketAddress discoverAt;

    public OnvifDriver() {
        super(ID, "ONVIF camera (Profile S)", OnvifCamera.PID);
    }

    @Activate
    @Modified
    void configure(OnvifDriverConfig config) {
        discoverAt = new InetSocketAddress(config.discoveryAddress(), config.discoveryPort());
    }

    /** The cameras that answer a WS-Discovery probe, each with the configuration that adopts it (its first address). */
    @Override
    public List<Discovered> discover(Duration timeout) {
        List<Discovered> found = new ArrayList<>();
        try {
            for (WsDiscovery.Match m : WsDiscovery.probe(discoverAt, timeout)) {
                if (m.xaddrs().isEmpty()) continue;
                found.add(new Discovered(m.name(), Map.of("name", m.name(), "url", m.xaddrs().get(0))));
            }
        } catch (IOException e) {
            LOG.warn("ONVIF discovery at {} failed", discoverAt, e);
        }
        return found;
    }
}
