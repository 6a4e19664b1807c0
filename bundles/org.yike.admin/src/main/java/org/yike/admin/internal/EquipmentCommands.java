package org.yike.admin.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.admin.DeviceAdmin;
import org.yike.api.admin.DeviceEntry;
import org.yike.api.admin.DiscoveredDevice;
import org.yike.api.admin.NewDevice;

/**
 * Gogo shell commands for the equipment, through the same service as the HTTP API:
 * {@code yike:devices} lists the devices with their state, {@code yike:discover <driver> [seconds]}
 * what a driver sees, {@code yike:adopt <driver> <discovered> <classroom> <role> [user password]} adopts one.
 */
@Component(service = EquipmentCommands.class, property = {"osgi.command.scope=yike", "osgi.command.function=devices",
        "osgi.command.function=discover", "osgi.command.function=adopt"})
public class EquipmentCommands {

    @Reference
    DeviceAdmin equipment;

    public String devices() throws IOException {
        StringBuilder out = new StringBuilder();
        for (DeviceEntry d : equipment.devices()) {
            out.append(String.format("%-20s %-10s %-8s %s%s%n", d.id(), d.driver(), d.classroom(), d.state(),
                    d.reason().isEmpty() ? "" : ": " + d.reason()));
        }
        return out.length() == 0 ? "no devices\n" : out.toString();
    }

    public String discover(String driver) throws IOException {
        return discover(driver, DeviceAdmin.DISCOVERY_TIME.toSeconds());
    }

    public String discover(String driver, long seconds) throws IOException {
        StringBuilder out = new StringBuilder();
        for (DiscoveredDevice d : equipment.discover(driver, Duration.ofSeconds(seconds))) {
            out.append(String.format("%-16s %-24s %s%s%n", d.id(), d.name(), d.configuration(),
                    d.adopted() ? "  adopted: " + d.adoptedBy() : ""));
        }
        return out.length() == 0 ? "driver " + driver + " sees nothing\n" : out.toString();
    }

    public String adopt(String driver, String discovered, String classroom, String role) throws IOException {
        return adopt(driver, discovered, classroom, role, null, null);
    }

    public String adopt(String driver, String discovered, String classroom, String role, String username,
            String password) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("classroom", classroom);
        values.put("role", role);
        values.put("username", username);
        values.put("password", password);
        DeviceEntry device = equipment.add(new NewDevice(driver, values, discovered));
        return "device " + device.id() + ": " + device.state() + " " + device.reason() + "\n";
    }
}
