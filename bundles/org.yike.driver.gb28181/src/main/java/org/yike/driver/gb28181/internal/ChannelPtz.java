package org.yike.driver.gb28181.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Ptz;
import org.yike.lib.sip.Manscdp;

/**
 * A channel's PTZ by DeviceControl MESSAGEs ({@code PTZCmd}); its presets by PresetQuery, named as
 * the camera names them (by number where it gives no name). GB/T 28181 has no absolute positions. A
 * device that cannot be reached is logged, as Ptz's callers cannot act on it.
 */
final class ChannelPtz implements Ptz {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelPtz.class);
    private static final Duration ANSWER_TIME = Duration.ofSeconds(3);

    private final String key;
    private final String deviceId;
    private final String channelId;
    private final Supplier<Optional<SipPlatform>> platform;

    ChannelPtz(String key, String deviceId, String channelId, Supplier<Optional<SipPlatform>> platform) {
        this.key = key;
        this.deviceId = deviceId;
        this.channelId = channelId;
        this.platform = platform;
    }

    @Override
    public void move(double panSpeed, double tiltSpeed, double zoomSpeed) {
        send("move", PtzCmd.move(panSpeed, tiltSpeed, zoomSpeed));
    }

    @Override
    public void stop() {
        send("stop", PtzCmd.stop());
    }

    @Override
    public List<String> presets() {
        return presetList().stream().map(Manscdp.Preset::label).toList();
    }

    /** By the preset's name, as {@link #presets()} lists them, or its number. */
    @Override
    public void gotoPreset(String preset) {
        String number = presetList().stream().filter(p -> p.name().equals(preset)).map(Manscdp.Preset::id).findFirst().orElse(preset);
        int n;
        try {
            n = Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("channel " + key + " has no preset '" + preset + "'; it has " + presets());
        }
        send("go to preset " + preset, PtzCmd.gotoPreset(n));
    }

    private List<Manscdp.Preset> presetList() {
        Optional<SipPlatform> p = platform.get();
        if (p.isEmpty()) return List.of();
        try {
            return p.get().query(deviceId, channelId, "PresetQuery", ANSWER_TIME).join().presets();
        } catch (CompletionException e) {
            LOG.warn("GB/T 28181 channel {}: no presets: {}", key, e.getCause() == null ? e.getMessage() : e.getCause().toString());
            return List.of();
        }
    }

    private void send(String what, String command) {
        try {
            SipPlatform p = platform.get().orElseThrow(() -> new IOException("the GB/T 28181 platform is not listening"));
            p.control(deviceId, channelId, Map.of("PTZCmd", command));
        } catch (IOException e) {
            LOG.warn("GB/T 28181 channel {}: {} ignored: {}", key, what, e.getMessage());
        }
    }
}
