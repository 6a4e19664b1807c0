package org.yike.api.device;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Pan-tilt-zoom of a camera, mechanical or electronic. Speeds and positions are in [-1, 1]. */
@ConsumerType
public interface Ptz {

    void move(double panSpeed, double tiltSpeed, double zoomSpeed);

    void stop();

    /** Turns to an absolute position (pan, tilt, zoom in [-1, 1]), where the camera knows its position. */
    default void moveTo(double pan, double tilt, double zoom) {
        throw new UnsupportedOperationException("this camera has no absolute positions");
    }

    List<String> presets();

    void gotoPreset(String preset);
}
