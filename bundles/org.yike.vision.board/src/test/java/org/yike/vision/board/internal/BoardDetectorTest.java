package org.yike.vision.board.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Random;

import org.junit.After;
import org.junit.Test;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.PostedEvents;
import org.yike.api.device.Role;
import org.yike.api.vision.HandedPictures;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.kit.driver.ComponentConfig;

/** The component on pictures a test hands it as the recording would, and the events it posts. */
public class BoardDetectorTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private final Random random = new Random(3);
    private final HandedPictures pictures = new HandedPictures();
    private final PostedEvents events = new PostedEvents();
    private BoardDetector detector;

    @After
    public void stop() throws InterruptedException {
        if (detector != null) detector.deactivate();
    }

    private void start(Map<String, ?> configuration) {
        detector = new BoardDetector(ComponentConfig.of(BoardConfig.class, configuration), pictures, events);
    }

    /** The subscription for {@code role}'s pictures: one thread per role takes them. */
    private HandedPictures.Handed watching(Role role) {
        return pictures.subscriptions().stream().filter(s -> s.request().role() == role).findFirst().orElseThrow();
    }

    private void hand(Role role, String key, long millis, Drawing d) {
        watching(role).hand(new Picture("101", "lesson-1", key, millis / 500, START.plusMillis(millis), Drawing.W,
                Drawing.H, PictureFormat.GREY, d.seen(1, 3, random)));
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
        ClassroomEvent slide = events.await(ClassroomEvent.Type.COURSEWARE_CHANGED, 10);
        assertEquals(new ClassroomEvent(ClassroomEvent.Type.COURSEWARE_CHANGED, "101", "virtual-101", "courseware",
                START.plusMillis(4_000), null, null), slide);
        ClassroomEvent writing = events.await(ClassroomEvent.Type.BLACKBOARD_WRITING, 10);
        assertEquals("101", writing.classroom());
        assertEquals("board-101", writing.deviceId());
        assertEquals("board", writing.sourceId());
        assertEquals(61.0 / 180, writing.y(), 0.05);
    }

    @Test
    public void aPictureItCannotReadIsLoggedAndTheDetectorGoesOn() throws Exception {
        start(Map.of("blackboard", false));
        watching(Role.COURSEWARE).hand(new Picture("101", "lesson-1", "virtual-101/courseware", 0, START, 16, 16,
                PictureFormat.I420, new byte[PictureFormat.I420.bytes(16, 16)]));
        for (long t = 0; t < 8_000; t += 500) hand(Role.COURSEWARE, "virtual-101/courseware", t, Drawing.slide(t < 4_000 ? 0 : 1));
        assertEquals(START.plusMillis(4_000), events.await(ClassroomEvent.Type.COURSEWARE_CHANGED, 10).time());
    }

    @Test
    public void onlyTheListedSourcesAreWatched() throws Exception {
        start(Map.of("blackboard", false, "sources", new String[] {"other/screen"}));
        for (long t = 0; t < 8_000; t += 500) {
            hand(Role.COURSEWARE, "virtual-101/courseware", t, Drawing.slide(t < 4_000 ? 0 : 1));
            hand(Role.COURSEWARE, "other/screen", t, Drawing.slide(t < 6_000 ? 2 : 3));
        }
        assertEquals("other", events.await(ClassroomEvent.Type.COURSEWARE_CHANGED, 10).deviceId());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (watching(Role.COURSEWARE).waiting() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals("every picture taken", 0, watching(Role.COURSEWARE).waiting());
        assertEquals("only the listed screen's slide: " + events.events(), 1, events.events().size());
    }

    @Test
    public void aBadConfigurationIsExplained() {
        assertNull(BoardDetector.problem(ComponentConfig.of(BoardConfig.class, Map.of())));
        String p = BoardDetector.problem(ComponentConfig.of(BoardConfig.class, Map.of("boardZone", "0.5,0,0.6,1", "fps", 0.0)));
        assertTrue(p, p.contains("boardZone '0.5,0,0.6,1'") && p.contains("fps 0.0"));
    }
}
