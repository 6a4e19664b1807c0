package org.yike.vision.standup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Role;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.api.vision.PictureRequest;
import org.yike.api.vision.PictureSource;
import org.yike.api.vision.PictureSubscription;
import org.yike.api.vision.Pictures;
import org.yike.vision.standup.internal.SyntheticClassroom.Rise;

/** The component with its defaults, on pictures handed to it as the recording's Pictures would. */
public class StandUpWatchTest {

    @Test
    public void aStandUpInAStudentCamerasPicturesIsPostedAsTheRoomsClassroomEvent() throws Exception {
        Subscription subscription = new Subscription();
        BlockingQueue<Event> posted = new LinkedBlockingQueue<>();
        StandUpWatch watch = new StandUpWatch(defaults(), new OnePictures(subscription), events(posted));
        Instant start = Instant.parse("2026-12-08T08:00:00Z");
        Event stood;
        Event sat;
        try {
            assertEquals(PictureRequest.of(Role.STUDENT_WIDE, 640, 360, 5, PictureFormat.GREY), subscription.request());
            SyntheticClassroom room = new SyntheticClassroom(0.05, 2).rise(new Rise(14, 4, 3));
            for (int i = 0; i < 60; i++) { // 12 s at 5 a second
                subscription.pictures.put(new Picture("101", "20261208-080000-101", "virtual-101/student", i,
                        start.plusMillis(i * 200L), 640, 360, PictureFormat.GREY, room.picture(i / 5.0)));
            }
            stood = posted.poll(30, TimeUnit.SECONDS);
            sat = posted.poll(30, TimeUnit.SECONDS);
        } finally {
            watch.stop();
        }
        assertTrue("the subscription closed with the component", subscription.closed());
        assertEquals("nothing else: " + posted, List.of(), List.copyOf(posted));
        assertEquals(ClassroomEvent.TOPIC_PREFIX + "STUDENT_STOOD_UP", stood.getTopic());
        ClassroomEvent up = ClassroomEvent.fromProperties(properties(stood));
        assertEquals("101", up.classroom());
        assertEquals("virtual-101", up.deviceId());
        assertEquals("student", up.sourceId());
        assertEquals(SyntheticClassroom.seatAt(14)[0], up.x(), 0.03);
        assertTrue("stood up at " + up.time(), up.time().isAfter(start.plusSeconds(5)) && !up.time().isAfter(start.plusMillis(5500)));
        assertEquals(ClassroomEvent.TOPIC_PREFIX + "STUDENT_SAT_DOWN", sat.getTopic());
        assertEquals("virtual-101", ClassroomEvent.fromProperties(properties(sat)).deviceId());
    }

    private static Map<String, Object> properties(Event e) {
        Map<String, Object> p = new HashMap<>();
        for (String name : e.getPropertyNames()) p.put(name, e.getProperty(name));
        return p;
    }

    /** The configuration Metatype's defaults make. */
    private static StandUpConfig defaults() {
        return (StandUpConfig) Proxy.newProxyInstance(StandUpConfig.class.getClassLoader(), new Class<?>[] {StandUpConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
    }

    private static EventAdmin events(BlockingQueue<Event> posted) {
        return new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
    }

    private record OnePictures(Subscription subscription) implements Pictures {
        @Override
        public List<PictureSource> sources() {
            return List.of();
        }

        @Override
        public PictureSubscription subscribe(PictureRequest request) {
            subscription.request = request;
            return subscription;
        }
    }

    /** Hands out every picture put in, in order: the test waits for the detector, not the other way round. */
    private static final class Subscription implements PictureSubscription {
        final BlockingQueue<Picture> pictures = new LinkedBlockingQueue<>();
        volatile PictureRequest request;
        volatile boolean closed;

        @Override
        public PictureRequest request() {
            return request;
        }

        @Override
        public Picture take(long timeout, TimeUnit unit) throws InterruptedException {
            return closed ? null : pictures.poll(timeout, unit);
        }

        @Override
        public long lostPictures() {
            return 0;
        }

        @Override
        public boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
