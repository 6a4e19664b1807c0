package org.yike.driver.onvif.internal;

import static org.junit.Assert.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yike.api.device.DeviceDriver.Discovered;

public class OnvifDriverTest {

    /** Probes only the fixture's responder on 127.0.0.1: nothing goes to the multicast group. */
    @Test
    public void discoveryListsTheRecordedProbeMatchWithTheConfigurationThatAdoptsIt() throws Exception {
        try (FixtureCamera fixture = new FixtureCamera(null)) {
            InetSocketAddress responder = fixture.startDiscovery();
            OnvifDriver driver = new OnvifDriver();
            driver.configure(Configs.of(OnvifDriverConfig.class, Map.of("discoveryAddress", "127.0.0.1",
                    "discoveryPort", responder.getPort())));
            List<Discovered> found = driver.discover(Duration.ofSeconds(1));
            assertEquals(List.of(new Discovered("PREDATOR", Map.of("name", "PREDATOR", "url", fixture.deviceService()))),
                    found);
        }
    }

    @Test
    public void probesTheMulticastGroupByDefault() {
        OnvifDriverConfig defaults = Configs.of(OnvifDriverConfig.class, Map.of());
        assertEquals("239.255.255.250:3702", defaults.discoveryAddress() + ":" + defaults.discoveryPort());
    }
}
