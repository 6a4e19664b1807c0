package org.yike.recording.internal.vision;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.BeforeClass;
import org.junit.Test;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.api.vision.PictureRequest;
import org.yike.api.vision.PictureSource;
import org.yike.api.vision.PictureSubscription;
import org.yike.media.MediaRuntime;

/** Pictures handed to subscribers: whom, how small, how often, and what a slow one loses. */
public class PictureFeedsTest {

    private static final Source STUDENTS = new Source("cam", "students", null, Role.STUDENT_WIDE, StreamLocator.of("rtsp://x/1"));
    private static final Source TEACHER = new Source("cam", "teacher", null, Role.TEACHER_CLOSEUP, StreamLocator.of("rtsp://x/2"));

    private final PictureFeeds feeds = new PictureFeeds();

    @BeforeClass
    public static void natives() throws Exception {
        MediaRuntime.outsideFramework();
    }

    /** An I420 picture 64x36: left half dark (luma 40), right half bright (200), grey colour. */
    private static ByteBuffer halves() {
        ByteBuffer p = ByteBuffer.allocateDirect(64 * 36 * 3 / 2);
        for (int y = 0; y < 36; y++) for (int x = 0; x < 64; x++) p.put((byte) (x < 32 ? 40 : 200));
        while (p.hasRemaining()) p.put((byte) 128);
        return p.flip();
    }

    @Test
    public void aSubscriberGetsTheSourcesItAsksForScaledToItsSize() throws Exception {
        PictureTap students = feeds.tap("101", "lesson-1", STUDENTS);
        PictureTap teacher = feeds.tap("101", "lesson-1", TEACHER);
        assertEquals(List.of(new PictureSource("101", "lesson-1", "cam/students", Role.STUDENT_WIDE),
                new PictureSource("101", "lesson-1", "cam/teacher", Role.TEACHER_CLOSEUP)), feeds.sources());
        assertFalse("nobody wants pictures yet: readers decode nothing for analysis", students.wanted());

        try (PictureSubscription s = feeds.subscribe(PictureRequest.of(Role.STUDENT_WIDE, 32, 18, 5, PictureFormat.GREY))) {
            assertTrue(students.wanted());
            assertFalse("the teacher was not asked for", teacher.wanted());
            teacher.offer(halves(), 64, 36);
            students.offer(halves(), 64, 36);
            Picture p = s.take(1, TimeUnit.SECONDS);
            assertNotNull(p);
            assertEquals("cam/students", p.source());
            assertEquals("101", p.room());
            assertEquals("lesson-1", p.lesson());
            assertEquals(1, p.number());
            assertEquals(32 * 18, p.data().length);
            // grey is full range: video's 40 and 200 stretched from 16..235 to 0..255
            assertEquals("the dark half stays dark", 28, p.luma(4, 9), 2);
            assertEquals("the bright half stays bright", 214, p.luma(28, 9), 2);
            assertNull("nothing of the teacher", s.take(50, TimeUnit.MILLISECONDS));
        }
        assertFalse("a closed subscription wants nothing", students.wanted());
    }

    @Test
    public void pictureRateIsCappedAndASlowSubscriberLosesTheOlderPictures() throws Exception {
        PictureTap tap = feeds.tap("101", "lesson-2", STUDENTS);
        try (PictureSubscription slow = feeds.subscribe(PictureRequest.of("cam/students", 32, 18, 20, PictureFormat.I420))) {
            ByteBuffer picture = halves();
            tap.offer(picture, 64, 36);
            // within the 50 ms of a 20 fps request nothing more goes out however many pictures come
            long first = System.nanoTime();
            while (System.nanoTime() - first < 20_000_000L) tap.offer(picture, 64, 36);
            // once due, the next one replaces the first, untaken
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (slow.lostPictures() == 0 && System.nanoTime() < deadline) tap.offer(picture, 64, 36);
            assertEquals(1, slow.lostPictures());
            Picture p = slow.take(0, TimeUnit.MILLISECONDS);
            assertEquals("the newest is taken, number 2: one was lost", 2, p.number());
            assertEquals(PictureFormat.I420.bytes(32, 18), p.data().length);
            assertNull("one picture per source waits at most", slow.take(0, TimeUnit.MILLISECONDS));
            assertEquals("the picture went whole: " + picture, 0, picture.position());
        }
    }

    @Test
    public void aLessonThatEndsStopsItsPicturesButNotTheSubscription() throws Exception {
        PictureTap tap = feeds.tap("101", "lesson-3", STUDENTS);
        PictureSubscription s = feeds.subscribe(PictureRequest.of(Role.STUDENT_WIDE, 32, 18, 5, PictureFormat.GREY));
        feeds.endLesson("lesson-3");
        assertEquals(List.of(), feeds.sources());
        tap.offer(halves(), 64, 36);
        assertNull("an ended lesson's reader hands out nothing", s.take(50, TimeUnit.MILLISECONDS));
        assertFalse(s.closed());

        PictureTap next = feeds.tap("101", "lesson-4", STUDENTS);
        next.offer(halves(), 64, 36);
        assertEquals("the next lesson's pictures come to the same subscription", "lesson-4",
                s.take(1, TimeUnit.SECONDS).lesson());
        s.close();
        assertTrue(s.closed());
        assertNull(s.take(1, TimeUnit.SECONDS));
    }

    @Test(expected = IllegalArgumentException.class)
    public void aMicrophoneHasNoPictures() {
        PictureRequest.of(Role.MICROPHONE, 32, 18, 5, PictureFormat.GREY);
    }
}
