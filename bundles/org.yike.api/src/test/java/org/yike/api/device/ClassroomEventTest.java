package org.yike.api.device;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.junit.Test;

public class ClassroomEventTest {

    @Test
    public void survivesTheTripThroughEventProperties() {
        ClassroomEvent e = new ClassroomEvent(ClassroomEvent.Type.STUDENT_STOOD_UP, "101", "cam2", "main",
                Instant.ofEpochMilli(1_700_000_000_123L), 0.25, 0.5);
        assertEquals("org/yike/classroom/STUDENT_STOOD_UP", e.topic());
        assertEquals(e, ClassroomEvent.fromProperties(e.properties()));
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesForeignProperties() {
        ClassroomEvent.fromProperties(Map.of("event.topics", "x"));
    }

    @Test
    public void locatorHidesCredentials() {
        assertEquals("rtsp://***@10.0.0.5/Streaming/101",
                StreamLocator.of("rtsp://admin:secret@10.0.0.5/Streaming/101").redacted());
        assertEquals("an error message keeps its words", "Cannot open rtsp://***@10.0.0.5/1: 401 at http://***@cam/x",
                StreamLocator.redact("Cannot open rtsp://admin:secret@10.0.0.5/1: 401 at http://u:p@cam/x"));
    }
}
