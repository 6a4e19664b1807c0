package org.yike.vision.standup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;

import org.junit.Test;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.PostedEvents;
import org.yike.api.device.Role;
import org.yike.api.vision.HandedPictures;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.api.vision.PictureRequest;
import org.yike.vision.standup.internal.SyntheticClassroom.Rise;

/** The component with its defaults, on pictures handed to it as the recording's Pictures would. */
public class StandUpWatchTest {

    @Test
    public void aStandUpInAStudentCamerasPicturesIsPostedAsTheRoomsClassroomEvent() throws Exception {
        HandedPictures pictures = new HandedPictures();
        PostedEvents posted = new PostedEvents();
        StandUpWatch watch = new StandUpWatch(defaults(), pictures, posted);
        Instant start = Instant.parse("2026-12-08T08:00:00Z");
        HandedPictures.Handed subscription = pictures.subscriptions().get(0);
        ClassroomEvent up;
        ClassroomEvent sat;
        try {
            assertEquals(PictureRequest.of(Role.STUDENT_WIDE, 640, 360, 5, PictureFormat.GREY), subscription.request());
            SyntheticClassroom room = new SyntheticClassroom(0.05, 2).rise(new Rise(14, 4, 3));
            for (int i = 0; i < 60; i++) { // 12 s at 5 a second
                subscription.hand(new Picture("101", "20261208-080000-101", "virtual-101/student", i,
                        start.plusMillis(i * 200L), 640, 360, PictureFormat.GREY, room.picture(i / 5.0)));
            }
            up = posted.await(ClassroomEvent.Type.STUDENT_STOOD_UP, 30);
            sat = posted.await(ClassroomEvent.Type.STUDENT_SAT_DOWN, 30);
        } finally {
            watch.stop();
        }
        assertTrue("the subscription closed with the component", subscription.closed());
        assertEquals("nothing else: " + posted.events(), List.of(up, sat), posted.events());
        assertEquals("101", up.classroom());
        assertEquals("virtual-101", up.deviceId());
        assertEquals("student", up.sourceId());
        assertEquals(SyntheticClassroom.seatAt(14)[0], up.x(), 0.03);
        assertTrue("stood up at " + up.time(), up.time().isAfter(start.plusSeconds(5)) && !up.time().isAfter(start.plusMillis(5500)));
        assertEquals("virtual-101", sat.deviceId());
    }

    /** The configuration Metatype's defaults make. */
    private static StandUpConfig defaults() {
        return (StandUpConfig) Proxy.newProxyInstance(StandUpConfig.class.getClassLoader(), new Class<?>[] {StandUpConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
    }
}
