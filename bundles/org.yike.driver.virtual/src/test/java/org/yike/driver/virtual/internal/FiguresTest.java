package org.yike.driver.virtual.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.yike.api.device.StreamFigures;
import org.yike.kit.driver.ComponentConfig;

/** The figures the device list shows for a virtual classroom's sources. */
public class FiguresTest {

    private static VirtualClassroom classroom(Map<String, Object> configuration) {
        return new VirtualClassroom(ComponentConfig.of(VirtualClassroomConfig.class, configuration), VirtualConformanceTest.NOBODY, 1);
    }

    @Test
    public void testSourcesDeliverTheirConfiguredRateUncompressed() throws InterruptedException {
        VirtualClassroom c = classroom(Map.of("fps", 15));
        try {
            StreamFigures teacher = c.figures("teacher").orElseThrow();
            assertEquals(15.0, teacher.framesPerSecond(), 0);
            assertEquals("uncompressed", 0, teacher.bitsPerSecond());
            assertEquals(15.0, c.figures("courseware").orElseThrow().framesPerSecond(), 0);
            assertEquals("sound has no pictures", 0.0, c.figures("mic").orElseThrow().framesPerSecond(), 0);
            assertEquals(Optional.empty(), c.figures("nobody"));
        } finally {
            c.deactivate();
        }
    }

    @Test
    public void aTeacherCameraAtAUrlIsNotMeasuredHere() throws InterruptedException {
        VirtualClassroom c = classroom(Map.of("teacherUrl", "udp://127.0.0.1:5000"));
        try {
            assertEquals(Optional.empty(), c.figures("teacher"));
            assertTrue(c.figures("student").isPresent());
        } finally {
            c.deactivate();
        }
    }
}
