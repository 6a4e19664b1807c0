package org.yike.driver.hikvision.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.yike.api.device.Ptz;

/** PTZ through ISAPI's PTZCtrl; presets are named as the camera names them. */
final class IsapiPtz implements Ptz {

    private final Isapi isapi;
    private final int channel;

    IsapiPtz(Isapi isapi, int channel) {
        this.isapi = isapi;
        this.channel = channel;
    }

    @Override
    public void move(double panSpeed, double tiltSpeed, double zoomSpeed) {
        try {
            isapi.continuous(channel, panSpeed, tiltSpeed, zoomSpeed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        move(0, 0, 0);
    }

    @Override
    public List<String> presets() {
        try {
            return isapi.presets(channel).stream().map(Isapi.Preset::name).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Goes to the preset of that name, or of that id when no name matches. */
    @Override
    public void gotoPreset(String preset) {
        try {
            List<Isapi.Preset> presets = isapi.presets(channel);
            String id = presets.stream().filter(p -> p.name().equals(preset) || p.id().equals(preset)).map(Isapi.Preset::id)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no preset '" + preset + "'; the camera has "
                            + presets.stream().map(Isapi.Preset::name).toList()));
            isapi.gotoPreset(channel, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
