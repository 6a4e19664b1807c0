package org.yike.recording.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;

/** How {@code yike:devices} shows a source's figures. */
public class RecordingCommandsTest {

    /** A device whose driver measured {@code figures} by source id. */
    private static Device device(Map<String, StreamFigures> figures) {
        return new Device() {
            public String id() {
                return "cam1";
            }

            public String name() {
                return "Front";
            }

            public String driver() {
                return "rtsp";
            }

            public String classroom() {
                return "301";
            }

            public DeviceStatus status() {
                return DeviceStatus.online();
            }

            public List<Source> sources() {
                return List.of();
            }

            @Override
            public Optional<StreamFigures> figures(String sourceId) {
                if (sourceId.equals("broken")) throw new IllegalStateException("rtsp://admin:secret@cam/ down");
                return Optional.ofNullable(figures.get(sourceId));
            }
        };
    }

    private static Source source(String id, Role role) {
        return new Source("cam1", id, id, role, StreamLocator.of("rtsp://cam/" + id));
    }

    @Test
    public void figuresAreShownAsMeasured() {
        Device d = device(Map.of("video", new StreamFigures(24.96, 3_980_000, Instant.now()),
                "raw", new StreamFigures(25, 0, Instant.now()), "mic", new StreamFigures(0, 64_000, Instant.now())));
        assertEquals("25.0 fps 3.98 Mbit/s", RecordingCommands.figures(d, source("video", Role.TEACHER_CLOSEUP)));
        assertEquals("25.0 fps uncompressed", RecordingCommands.figures(d, source("raw", Role.COURSEWARE)));
        assertEquals("64 kbit/s", RecordingCommands.figures(d, source("mic", Role.MICROPHONE)));
        assertEquals("not measured", "", RecordingCommands.figures(d, source("sub", Role.TEACHER_WIDE)));
        assertEquals("figures unknown", RecordingCommands.figures(d, source("broken", Role.TEACHER_WIDE)));
    }
}
