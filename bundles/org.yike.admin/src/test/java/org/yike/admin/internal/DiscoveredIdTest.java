package org.yike.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.util.Map;

import org.junit.Test;
import org.yike.api.device.DeviceDriver.Discovered;

/** A discovered device keeps its id while it answers at the same address, whatever it calls itself. */
public class DiscoveredIdTest {

    @Test
    public void theNameAsideTheConfigurationMakesTheId() {
        String id = Equipment.discoveredId("onvif", new Discovered("Predator", Map.of("url", "http://127.0.0.1:8000/onvif", "name", "Predator")));
        assertEquals(16, id.length());
        assertEquals(id, Equipment.discoveredId("onvif", new Discovered("Renamed", Map.of("url", "http://127.0.0.1:8000/onvif", "name", "Renamed"))));
        assertNotEquals(id, Equipment.discoveredId("onvif", new Discovered("Predator", Map.of("url", "http://127.0.0.1:8001/onvif"))));
        assertNotEquals(id, Equipment.discoveredId("hikvision", new Discovered("Predator", Map.of("url", "http://127.0.0.1:8000/onvif"))));
    }
}
