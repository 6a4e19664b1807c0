package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.yike.api.recording.RecordingEvents;

/**
 * A lesson directed by what the detectors see, not by a script: the virtual classroom draws a student
 * rising every 8 s and says nothing of it; the stand-up detector (with OpenCV, installed as a school adds
 * them) sees it, and the classroom director cuts to the student within 2 s of the figure rising.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DetectorDirectingTest extends InYike {

    private static final long PERIOD = 8_000;

    @Inject
    BundleContext context;

    /** A cut the recording showed, and when the test heard of it. */
    private record Cut(long millis, String reason) {
    }

    @Test
    public void theDirectorCutsToTheStudentTheDetectorSawRise() throws Exception {
        context.installBundle(Path.of(System.getProperty("yike.opencv")).toUri().toString()).start();
        context.installBundle(Path.of(System.getProperty("yike.standup")).toUri().toString()).start();
        configureRecording(SMALL_PROGRAM);
        // the k-th student rises k * PERIOD after the classroom started, which is between these two moments
        long before = System.currentTimeMillis();
        configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "people", true, "scriptedEvents", false,
                "studentStandsEverySeconds", (int) (PERIOD / 1000), "studentStandsForSeconds", 4, "coursewareChangesEverySeconds", 0));
        long after = System.currentTimeMillis();
        List<Cut> cuts = new CopyOnWriteArrayList<>();
        context.registerService(EventHandler.class, e -> cuts.add(new Cut(System.currentTimeMillis(), (String) e.getProperty(RecordingEvents.REASON))),
                new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, RecordingEvents.PROGRAM_CHANGED)));

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        // the detector learns the room from its first pictures: rises 4 s into the lesson on are judged
        long judgedFrom = System.currentTimeMillis() + 4_000;
        api.awaitRecordedMore(id, 30_000);
        long judgedTo = System.currentTimeMillis() - 3_000;
        assertEquals("FINISHED", api.post("recordings/" + id + "/stop", "").body().get("state").asText());

        List<String> judged = new ArrayList<>();
        for (long k = 1; before + k * PERIOD < judgedTo; k++) {
            long earliest = before + k * PERIOD;
            long latest = after + k * PERIOD;
            if (earliest < judgedFrom) continue;
            Cut cut = cuts.stream().filter(c -> c.millis() >= earliest && "student stood up".equals(c.reason())).findFirst()
                    .orElseThrow(() -> new AssertionError("no cut to the student who rose at " + earliest + ": " + cuts));
            assertTrue("the cut to the student came " + (cut.millis() - latest) + " to " + (cut.millis() - earliest)
                    + " ms after the figure rose: " + cuts, cut.millis() - latest <= 2_000);
            judged.add((cut.millis() - latest) + ".." + (cut.millis() - earliest) + " ms");
        }
        System.out.println("DetectorDirectingTest: the cuts to the student after each rise: " + judged);
        assertTrue("at least two rises judged: " + judged, judged.size() >= 2);
    }
}
