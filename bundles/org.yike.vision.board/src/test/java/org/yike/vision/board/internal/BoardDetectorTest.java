package org.yike.vision.board.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
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
import org.yike.kit.driver.ComponentConfig;

/** The component on pictures a test hands it as the recording would, and the events it posts. */
public class BoardDetectorTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private final Random random = new Random(3);
    private final Map<Role, BlockingQueue<Picture>> queues = Map.of(Role.COURSEWARE, new LinkedBlockingQueue<>(),
            Role.BLACKBOARD, new LinkedBlockingQueue<>());
    private final List<ClassroomEvent> posted = new CopyOnWriteArrayList<>();
    private BoardDetector detector;

    private final Pictures pictures = new Pictures() {
        @Override
        public List<PictureSource> sources() {
            return List.of();
        }

        @Override
        public PictureSubscription subscribe(PictureRequest request) {
            BlockingQueue<Picture> queue = queues.get(request.role());
            return new PictureSubscription() {
                private volatile boolean closed;

                @Override
                public PictureRequest request() {
                    return request;
                }

                @Override
                public Picture take(long timeout, TimeUnit unit) throws InterruptedException {
                    return closed ? null : queue.poll(timeout, unit);
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
            };
        }
    };

    private final EventAdmin events = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            Map<String, Object> p = new HashMap<>();
            for (String name : event.getPropertyNames()) p.put(name, event.getProperty(name));
            posted.add(ClassroomEvent.fromProperties(p));
        }

        @Override
        public void sendEvent(Event event) {
            postEvent(event);
        }
    };

    @After
    public void stop() throws InterruptedException {
        if (detector != null) detector.deactivate();
    }

    private void start(Map<String, ?> configuration) {
        detector = new BoardDetector(ComponentConfig.of(BoardConfig.class, configuration), pictures, events);
    }

    private void hand(Role role, String key, long millis, Drawing d) {
        queues.get(role).add(new Picture("101", "lesson-1", key, millis / 500, START.plusMillis(millis), Drawing.W,
                Drawing.H, PictureFormat.GREY, d.seen(1, 3, random)));
    }

    private ClassroomEvent awaitEvent(ClassroomEvent.Type type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (ClassroomEvent e : posted) {
                if (e.type() == type) return e;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + type + " within 10 s: " + posted);
    }

    @Test
    public void aNewSlideAndWritingBecomeTheRoomsEvents() throws Exception {
        start(Map.of());
        for (long t = 0; t < 8_000; t += 500) {
            hand(Role.COURSEWARE, "virtual-101/courseware", t, Drawing.slide(t < 4_000 ? 0 : 1));
            Drawing board = new Drawing(50);
            if (t >= 2_000) board.box(100, 60, (int) (t - 2_000) / 500 * 6 + 6, 2, 200);
            hand(Role.BLACKBOARD, "board-101/board", t, board);
        }
        ClassroomEvent slide = awaitEvent(ClassroomEvent.Type.COURSEWARE_CHANGED);
        assertEquals(new ClassroomEvent(ClassroomEvent.Type.COURSEWARE_CHANGED, "101", "virtual-101", "courseware",
                START.plusMillis(4_000), null, null), slide);
        ClassroomEvent writing = awaitEvent(ClassroomEvent.Type.BLACKBOARD_WRITING);
        assertEquals("101", writing.classroom());
        assertEquals("board-101", writing.deviceId());
        assertEquals("board", writing.sourceId());
        assertEquals(61.0 / 180, writing.y(), 0.05);
    }

    @Test
    public void aPictureItCannotReadIsLoggedAndTheDetectorGoesOn() throws Exception {
        start(Map.of("blackboard", false));
        queues.get(Role.COURSEWARE).add(new Picture("101", "lesson-1", "virtual-101/courseware", 0, START, 16, 16,
                PictureFormat.I420, new byte[PictureFormat.I420.bytes(16, 16)]));
        for (long t = 0; t < 8_000; t += 500) hand(Role.COURSEWARE, "virtual-101/courseware", t, Drawing.slide(t < 4_000 ? 0 : 1));
        assertEquals(START.plusMillis(4_000), awaitEvent(ClassroomEvent.Type.COURSEWARE_CHANGED).time());
    }

    @Test
    public void onlyTheListedSourcesAreWatched() throws Exception {
        start(Map.of("blackboard", false, "sources", new String[] {"other/screen"}));
        for (long t = 0; t < 8_000; t += 500) {
            hand(Role.COURSEWARE, "virtual-101/courseware", t, Drawing.slide(t < 4_000 ? 0 : 1));
            hand(Role.COURSEWARE, "other/screen", t, Drawing.slide(t < 6_000 ? 2 : 3));
        }
        assertEquals("other", awaitEvent(ClassroomEvent.Type.COURSEWARE_CHANGED).deviceId());
        long deadline = System.currentTimeMillis() + 10_000;
        while (!queues.get(Role.COURSEWARE).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(10);
        assertTrue("every picture taken", queues.get(Role.COURSEWARE).isEmpty());
        assertEquals("only the listed screen's slide: " + posted, 1, posted.size());
    }

    @Test
    public void aBadConfigurationIsExplained() {
        assertNull(BoardDetector.problem(ComponentConfig.of(BoardConfig.class, Map.of())));
        String p = BoardDetector.problem(ComponentConfig.of(BoardConfig.class, Map.of("boardZone", "0.5,0,0.6,1", "fps", 0.0)));
        assertTrue(p, p.contains("boardZone '0.5,0,0.6,1'") && p.contains("fps 0.0"));
    }
}
