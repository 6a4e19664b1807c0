package org.yike.recording.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Device;
import org.yike.api.device.Ptz;
import org.yike.api.director.ProgramDecision;

/**
 * Moves cameras to the presets a shot's framing names, one command at a time on a thread of its
 * own ({@code yike-ptz}), off the program thread. A camera moves by its device's own PTZ, else by
 * a PTZ service of its own (VISCA, Pelco-D: {@code org.yike.ptz.serial}) registered for the device
 * its {@link #DEVICE_ID} property names.
 */
final class PtzRouting {

    private static final Logger LOG = LoggerFactory.getLogger(PtzRouting.class);
    /** The service property that names the device a separate PTZ service moves. */
    static final String DEVICE_ID = "deviceId";

    private final List<Device> devices;
    private final Map<Ptz, String> byDevice = new ConcurrentHashMap<>();
    private final ExecutorService commands = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yike-ptz");
        t.setDaemon(true);
        return t;
    });

    /** @param devices the recorder's devices, as they come and go */
    PtzRouting(List<Device> devices) {
        this.devices = devices;
    }

    void add(Ptz ptz, Map<String, Object> properties) {
        byDevice.put(ptz, String.valueOf(properties.get(DEVICE_ID)));
    }

    void remove(Ptz ptz) {
        byDevice.remove(ptz);
    }

    /** Sends the cameras of the shot to the presets its framing names. */
    void frame(ProgramDecision shot) {
        shot.framing().forEach((key, framing) -> {
            if (framing.preset() != null) commands.execute(() -> gotoPreset(key, framing.preset()));
        });
    }

    /** The presets of each of these sources ({@code device/stream}) whose device can turn; one that fails to say is left out. */
    Map<String, List<String>> presets(List<String> sourceKeys) {
        Map<String, List<String>> presets = new LinkedHashMap<>();
        for (String key : sourceKeys) {
            String deviceId = key.substring(0, key.indexOf('/'));
            try {
                ptz(deviceId).ifPresent(p -> presets.put(key, List.copyOf(p.presets())));
            } catch (RuntimeException e) {
                LOG.warn("Device {} did not list its presets", deviceId, e);
            }
        }
        return presets;
    }

    /** A camera that is slow or fails to move costs the shot its framing, never the lesson its program. */
    private void gotoPreset(String sourceKey, String preset) {
        String deviceId = sourceKey.substring(0, sourceKey.indexOf('/'));
        try {
            ptz(deviceId).ifPresentOrElse(p -> p.gotoPreset(preset),
                    () -> LOG.warn("Device {} has no PTZ; preset {} ignored", deviceId, preset));
        } catch (RuntimeException e) {
            LOG.warn("Device {} did not go to preset {}", deviceId, preset, e);
        }
    }

    /** The device's own PTZ, else a PTZ service registered for its id. */
    private Optional<Ptz> ptz(String deviceId) {
        Optional<Ptz> own = devices.stream().filter(d -> d.id().equals(deviceId)).findFirst().flatMap(Device::ptz);
        if (own.isPresent()) return own;
        return byDevice.entrySet().stream().filter(e -> e.getValue().equals(deviceId)).map(Map.Entry::getKey).findFirst();
    }

    /** No further command is sent; the one being sent is interrupted. */
    void stop() {
        commands.shutdownNow();
    }

    /** Waits for the command being sent; answers whether it has ended. */
    boolean awaitEnd(long seconds) throws InterruptedException {
        return commands.awaitTermination(seconds, TimeUnit.SECONDS);
    }
}
