package org.yike.admin.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.admin.DeviceAdmin;
import org.yike.api.admin.DeviceEntry;
import org.yike.api.admin.DiscoveredDevice;
import org.yike.api.admin.NewDevice;
import org.yike.api.admin.SourceEntry;
import org.yike.api.device.StreamFigures;

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

    /** Each device with its state, and each source with its figures; configurations no driver could make in ERROR. */
    public String devices() throws IOException {
        StringBuilder out = new StringBuilder();
        for (DeviceEntry d : equipment.devices()) {
            out.append(String.format("%-20s %-12s %-8s %s%n", d.id(), d.driver(), d.classroom(),
                    d.reason().isEmpty() ? d.state() : d.state() + ": " + d.reason()));
            for (SourceEntry s : d.sources()) {
                out.append(String.format("    %-12s %-16s %-24s %s%n", s.id(), s.role(), s.label(), figures(s)));
            }
        }
        return out.toString();
    }

    /** {@code 25.0 fps 4.00 Mbit/s}, {@code uncompressed} for a raw source, empty where the driver measures nothing. */
    static String figures(SourceEntry s) {
        StreamFigures f = s.figures();
        if (f == null) return "";
        String fps = s.role().isAudio() ? "" : String.format(Locale.ROOT, "%.1f fps ", f.framesPerSecond());
        long bits = f.bitsPerSecond();
        String rate = bits == 0 ? "uncompressed" : bits >= 1_000_000
                ? String.format(Locale.ROOT, "%.2f Mbit/s", bits / 1e6) : bits / 1000 + " kbit/s";
        return fps + rate;
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
