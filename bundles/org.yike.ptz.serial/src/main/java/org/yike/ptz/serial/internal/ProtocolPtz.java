package org.yike.ptz.serial.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.device.Ptz;

/**
 * The PTZ of a camera that has no network PTZ API, spoken in VISCA over IP or Pelco-D. The
 * service carries its configuration's {@code deviceId}, so that the device's driver (or anyone)
 * finds it with the filter {@code (deviceId=<id>)}. Presets are the protocol's numbers.
 */
@Component(service = Ptz.class, configurationPid = ProtocolPtz.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProtocolPtzConfig.class, factory = true)
public class ProtocolPtz implements Ptz {

    static final String PID = "org.yike.ptz.serial";

    private final Commands commands;
    private final Link link;
    private final Transport transport;
    private final int presetCount;

    @Activate
    public ProtocolPtz(ProtocolPtzConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty()) throw new IllegalArgumentException("host is empty");
        Duration timeout = Duration.ofMillis(config.timeoutMillis());
        switch (config.protocol()) {
            case "visca" -> {
                if (config.address() > 7) throw new IllegalArgumentException("a VISCA address is 1..7, not " + config.address());
                commands = new Visca(config.address());
                link = Link.udp(host, config.port(), timeout);
                transport = new ViscaOverIp(link);
            }
            case "pelcod" -> {
                commands = new PelcoD(config.address());
                link = Link.tcp(host, config.port(), timeout);
                transport = link;
            }
            default -> throw new IllegalArgumentException("protocol '" + config.protocol() + "' must be visca or pelcod");
        }
        presetCount = config.presetCount();
    }

    @Deactivate
    void deactivate() {
        link.close();
    }

    @Override
    public void move(double panSpeed, double tiltSpeed, double zoomSpeed) {
        for (byte[] command : commands.move(panSpeed, tiltSpeed, zoomSpeed)) send(command);
    }

    @Override
    public void stop() {
        move(0, 0, 0);
    }

    @Override
    public List<String> presets() {
        int first = commands.firstPreset();
        return IntStream.range(first, first + presetCount).mapToObj(Integer::toString).toList();
    }

    @Override
    public void gotoPreset(String preset) {
        int n;
        try {
            n = Integer.parseInt(preset.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("preset '" + preset + "' is not one of " + presets());
        }
        if (!presets().contains(Integer.toString(n))) throw new IllegalArgumentException("preset " + n + " is not one of " + presets());
        send(commands.recall(n));
    }

    private void send(byte[] command) {
        try {
            transport.send(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
