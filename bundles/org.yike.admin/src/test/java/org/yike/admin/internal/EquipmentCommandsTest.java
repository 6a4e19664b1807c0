package org.yike.admin.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;

import org.junit.Test;
import org.yike.api.admin.SourceEntry;
import org.yike.api.device.Role;
import org.yike.api.device.StreamFigures;

/** How {@code yike:devices} shows a source's figures. */
public class EquipmentCommandsTest {

    private static String shown(Role role, StreamFigures figures) {
        return EquipmentCommands.figures(new SourceEntry("video", "cam1/video", "Video", role, "rtsp://cam/video", figures));
    }

    @Test
    public void figuresAreShownAsMeasured() {
        assertEquals("25.0 fps 3.98 Mbit/s", shown(Role.TEACHER_CLOSEUP, new StreamFigures(24.96, 3_980_000, Instant.now())));
        assertEquals("25.0 fps uncompressed", shown(Role.COURSEWARE, new StreamFigures(25, 0, Instant.now())));
        assertEquals("64 kbit/s", shown(Role.MICROPHONE, new StreamFigures(0, 64_000, Instant.now())));
        assertEquals("not measured (or the driver failed to say)", "", shown(Role.TEACHER_WIDE, null));
    }
}
