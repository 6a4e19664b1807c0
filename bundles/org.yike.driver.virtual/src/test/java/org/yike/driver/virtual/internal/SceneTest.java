package org.yike.driver.virtual.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.StreamLocator;
import org.yike.kit.driver.ComponentConfig;

/** The people and slides the virtual classroom draws, decoded, against the events its script posts. */
public class SceneTest {

    private static final int W = 320, H = 180;
    private static final int CHANGED = 40;

    /** A decoded picture: its wall-clock millisecond and its brightness, row by row. */
    private record Picture(long millis, byte[] luma) {

        int at(int x, int y) {
            return luma[y * W + x] & 0xFF;
        }
    }

    @Test
    public void theStudentRisesWhereAndWhenTheScriptSaysAndSitsBackWhenItSays() throws Exception {
        List<ClassroomEvent> posted = new CopyOnWriteArrayList<>();
        VirtualClassroom c = classroom(Map.of("people", true, "studentStandsEverySeconds", 2, "studentStandsForSeconds", 1), posted);
        try {
            // a stand-up and its sitting down while the camera is read, from 300 ms after its first picture
            List<Picture> pictures = read(source(c, "student"), read -> !read.isEmpty() && sat(posted, read.get(0).millis() + 300) != null
                    && System.currentTimeMillis() > sat(posted, read.get(0).millis() + 300).time().toEpochMilli() + 300);
            ClassroomEvent down = sat(posted, pictures.get(0).millis() + 300);
            ClassroomEvent up = posted.get(posted.indexOf(down) - 1);
            assertEquals(ClassroomEvent.Type.STUDENT_STOOD_UP, up.type());
            long stood = up.time().toEpochMilli(), satDown = down.time().toEpochMilli();
            // the script posts at the scheduled millisecond or a little after; the picture changed at it
            Picture before = last(pictures, stood - 200), standing = firstFrom(pictures, stood);
            Picture seated = firstFrom(pictures, satDown);
            int[] box = changed(before, standing, CHANGED);
            assertNotNull("the picture at " + stood + " differs from the one at " + before.millis(), box);
            double centre = (box[0] + box[2]) / 2.0;
            assertEquals("the changed columns " + box[0] + ".." + box[2] + " centre on the event's x " + up.x(),
                    up.x() * W, centre, 2);
            assertTrue("no wider than one student: " + box[0] + ".." + box[2], box[2] - box[0] < H / 10 + 2);
            int rise = (int) Math.round(H * 0.13);
            assertTrue("rose by about a body's height: rows " + box[1] + ".." + box[3], box[3] - box[1] >= 2 * rise - 2);
            assertTrue("the head above the event's y " + up.y() + ": rows " + box[1] + ".." + box[3], box[1] < up.y() * H);
            // the seat is covered with the very wall it shows: nothing is left of the student who stood
            assertNull("seated again at " + satDown + ": nothing differs from " + before.millis(), changed(before, seated, 2));
        } finally {
            c.deactivate();
        }
    }

    @Test
    public void aClassroomWithoutScriptedEventsPostsNoneOfThem() throws Exception {
        List<ClassroomEvent> scripted = new CopyOnWriteArrayList<>(), unscripted = new CopyOnWriteArrayList<>();
        Map<String, Object> often = Map.of("people", true, "studentStandsEverySeconds", 1, "studentStandsForSeconds", 1,
                "coursewareChangesEverySeconds", 1);
        VirtualClassroom a = classroom(often, scripted);
        Map<String, Object> silent = new HashMap<>(often);
        silent.put("scriptedEvents", false);
        VirtualClassroom b = classroom(silent, unscripted);
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while (scripted.stream().map(ClassroomEvent::type).distinct().count() < 3 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals("stood up, sat down, changed slide: " + scripted, 3,
                    scripted.stream().map(ClassroomEvent::type).distinct().count());
            assertEquals(List.of(), unscripted);
        } finally {
            a.deactivate();
            b.deactivate();
        }
    }

    @Test
    public void aNewSlideChangesMuchOfThePageWhenTheScheduleSays() throws Exception {
        Scene scene = new Scene(W, H, System.currentTimeMillis(), 1, 0, 1, 1);
        StreamLocator courseware = new TestPattern(W, H, 25, null, 1, false, scene).courseware("C", 1);
        // the first slide change after the camera's first picture, whenever it opened
        ToLongFunction<List<Picture>> change = read -> scene.slideChanges((read.get(0).millis() - scene.slideChanges(0)) / 1000 + 1);
        List<Picture> pictures = read(courseware, read -> !read.isEmpty() && read.get(read.size() - 1).millis() > change.applyAsLong(read) + 100);
        Picture before = last(pictures, change.applyAsLong(pictures)), after = firstFrom(pictures, change.applyAsLong(pictures));
        int differ = 0;
        for (int i = 0; i < W * H; i++) {
            if (Math.abs(before.luma()[i] - after.luma()[i]) > CHANGED) differ++;
        }
        assertTrue("a tenth of the page or more changes: " + differ + " of " + W * H, differ > W * H / 10);
    }

    @Test
    public void thePeopleCamerasKeepTheirColourKeys() throws Exception {
        TestPattern people = new TestPattern(W, H, 25, null, 1, false, new Scene(W, H, System.currentTimeMillis(), 1, 2, 1, 2));
        assertEquals("red", TestPatternTest.keyColour(people.teacher("T")));
        assertEquals("green", TestPatternTest.keyColour(people.student("S")));
        assertEquals("blue", TestPatternTest.keyColour(people.courseware("C", 2)));
    }

    private static VirtualClassroom classroom(Map<String, Object> settings, List<ClassroomEvent> posted) {
        Map<String, Object> configuration = new HashMap<>(settings);
        configuration.putAll(Map.of("width", W, "height", H, "font", ""));
        EventAdmin events = new EventAdmin() {
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
        return new VirtualClassroom(ComponentConfig.of(VirtualClassroomConfig.class, configuration), events, 1);
    }

    private static StreamLocator source(VirtualClassroom c, String id) {
        return c.sources().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().locator();
    }

    /** The first sitting down whose stand-up came at or after {@code millis}. */
    private static ClassroomEvent sat(List<ClassroomEvent> posted, long millis) {
        for (int i = 1; i < posted.size(); i++) {
            if (posted.get(i).type() == ClassroomEvent.Type.STUDENT_SAT_DOWN && posted.get(i - 1).time().toEpochMilli() >= millis) {
                return posted.get(i);
            }
        }
        return null;
    }

    /** The pictures of a camera until {@code done} says they are enough, for at most 10 s. */
    private static List<Picture> read(StreamLocator camera, Predicate<List<Picture>> done) throws Exception {
        List<Picture> pictures = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 10_000;
        try (FFmpegFrameGrabber g = TestPatternTest.open(camera)) {
            for (Frame f; !done.test(pictures) && System.currentTimeMillis() < deadline && (f = g.grabImage()) != null;) {
                ByteBuffer y = (ByteBuffer) f.image[0];
                byte[] luma = new byte[W * H];
                for (int row = 0; row < H; row++) y.get(row * f.imageStride, luma, row * W, W);
                pictures.add(new Picture(f.timestamp / 1000, luma));
            }
        }
        assertTrue("read until the condition within 10 s", done.test(pictures));
        return pictures;
    }

    private static Picture last(List<Picture> pictures, long beforeMillis) {
        return pictures.stream().filter(p -> p.millis() < beforeMillis).reduce((a, b) -> b).orElseThrow();
    }

    private static Picture firstFrom(List<Picture> pictures, long millis) {
        return pictures.stream().filter(p -> p.millis() >= millis).findFirst().orElseThrow();
    }

    /**
     * The box {x0, y0, x1, y1} of the pixels that differ by more than {@code threshold} between two pictures, or
     * {@code null}; the wall-clock marker in the bottom-left corner, lit once a second, does not count.
     */
    private static int[] changed(Picture a, Picture b, int threshold) {
        int marker = Math.max(8, H / TestPattern.KEY_SIZE_DIVISOR) & ~1;
        int[] box = null;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (x < marker && y >= H - marker || Math.abs(a.at(x, y) - b.at(x, y)) <= threshold) continue;
                if (box == null) box = new int[] {x, y, x, y};
                box = new int[] {Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)};
            }
        }
        return box;
    }
}
