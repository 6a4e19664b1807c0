package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.yike.api.device.Role;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.api.vision.PictureRequest;
import org.yike.api.vision.PictureSource;
import org.yike.api.vision.PictureSubscription;

/**
 * What an analysis plugin sees of a lesson through {@link org.yike.api.vision.Pictures}: each camera's
 * pictures, small, grey, at the rate asked, told apart by their colour keys; a subscriber that takes
 * nothing loses pictures and the lesson does not notice; the subscription carries on into the next lesson.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AnalysisPicturesTest extends InYike {

    @Inject
    org.yike.api.vision.Pictures pictures;

    @Test
    public void analysisPluginsSeeTheCamerasOfEachLesson() throws Exception {
        configureRecording(SMALL_PROGRAM);
        configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "studentStandsEverySeconds", 0,
                "coursewareChangesEverySeconds", 0));
        Api api = new Api().ready();
        try (PictureSubscription students = pictures.subscribe(PictureRequest.of(Role.STUDENT_WIDE, 320, 180, 5, PictureFormat.GREY));
                PictureSubscription teacher = pictures.subscribe(PictureRequest.of("virtual-101/teacher", 320, 180, 5, PictureFormat.GREY));
                // wants every camera whole at 25 a second and never takes one
                PictureSubscription idle = pictures.subscribe(new PictureRequest(null, null, 640, 360, 25, PictureFormat.I420))) {
            for (int lesson = 1; lesson <= 2; lesson++) {
                String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
                List<PictureSource> read = Await.value("the lesson's cameras are listed", 10, () -> {
                    List<PictureSource> s = pictures.sources().stream().filter(p -> id.equals(p.lesson())).toList();
                    return s.size() == 3 ? s : null;
                });
                assertEquals(new PictureSource("101", id, "virtual-101/student", Role.STUDENT_WIDE), read.get(1));

                Map<String, Integer> keys = new HashMap<>();
                long from = System.nanoTime();
                int taken = 0;
                while (System.nanoTime() - from < 3_000_000_000L) {
                    for (PictureSubscription s : List.of(students, teacher)) {
                        Picture p = s.take(100, TimeUnit.MILLISECONDS);
                        if (p == null) continue;
                        taken++;
                        assertEquals(id, p.lesson());
                        assertEquals(320 * 180, p.data().length);
                        // the colour key in the bottom-right corner, in full-range grey
                        keys.put(p.source(), p.luma(315, 175));
                    }
                }
                double seconds = (System.nanoTime() - from) / 1e9;
                assertTrue("pictures of both cameras: " + keys, keys.size() == 2);
                assertEquals("the student camera's green key", 150, keys.get("virtual-101/student"), 12);
                assertEquals("the teacher camera's red key", 76, keys.get("virtual-101/teacher"), 12);
                assertTrue(taken + " pictures in " + seconds + " s: at most 5 a second of each camera", taken <= 2 * (5 * seconds + 1));
                assertTrue(taken + " pictures in " + seconds + " s", taken >= 2 * 5);

                assertTrue("the idle subscriber lost pictures", idle.lostPictures() > 0);
                api.awaitRecorded(id, 4_000);
                assertEquals("FINISHED", api.post("recordings/" + id + "/stop", "").body().get("state").asText());
                Await.until("the ended lesson's cameras are no longer listed", 10,
                        () -> pictures.sources().stream().noneMatch(p -> id.equals(p.lesson())));
                assertFalse("subscriptions outlive the lesson", students.closed());
                for (PictureSubscription s : List.of(students, teacher)) {
                    while (s.take(0, TimeUnit.MILLISECONDS) != null) {
                        // what came before the lesson ended
                    }
                }
            }
        }
    }
}
