package org.yike.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo shell commands for devices on the network: {@code yike:discover <driver> [seconds]} lists
 * what the driver sees, {@code yike:adopt <driver> <discovered> <classroom> <role> [user password]}
 * adopts one, as the API does.
 */
@Component(service = EquipmentCommands.class, property = {"osgi.command.scope=yike", "osgi.command.function=discover",
        "osgi.command.function=adopt"})
public class EquipmentCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    Equipment equipment;

    public String discover(String driver) throws IOException {
        return discover(driver, Equipment.DISCOVERY_TIME.toSeconds());
    }

    public String discover(String driver, long seconds) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> d : equipment.discover(driver, Duration.ofSeconds(seconds))) {
            out.append(String.format("%-16s %-24s %s%s%n", d.get("id"), d.get("name"), d.get("configuration"),
                    d.get("device") == null ? "" : "  adopted: " + d.get("device")));
        }
        return out.length() == 0 ? "driver " + driver + " sees nothing\n" : out.toString();
    }

    public String adopt(String driver, String discovered, String classroom, String role) throws IOException {
        return adopt(driver, discovered, classroom, role, null, null);
    }

    public String adopt(String driver, String discovered, String classroom, String role, String username,
            String password) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("driver", driver).put("discovered", discovered)
                .put("classroom", classroom).put("role", role);
        if (username != null) body.putObject("config").put("username", username).put("password", password);
        Map<String, Object> device = equipment.add(body);
        return "device " + device.get("id") + ": " + device.get("state") + " " + device.get("reason") + "\n";
    }
}
