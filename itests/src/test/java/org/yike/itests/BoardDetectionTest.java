package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.yike.api.device.ClassroomEvent;

/**
 * The board detector (org.yike.vision.board) in a lesson of a virtual classroom that draws slides and
 * posts no events of its own: every COURSEWARE_CHANGED comes from the detector seeing the slide change.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BoardDetectionTest extends InYike {

    private static final int SLIDE_SECONDS = 3;

    @Inject
    BundleContext context;

    @Test
    public void theDetectorSeesTheVirtualCoursewareChangeSlide() throws Exception {
        configureRecording(SMALL_PROGRAM);
        configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "people", true, "scriptedEvents", false,
                "studentStandsEverySeconds", 0, "coursewareChangesEverySeconds", SLIDE_SECONDS));
        BlockingQueue<Event> changes = new LinkedBlockingQueue<>();
        context.registerService(EventHandler.class, changes::add, new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC,
                ClassroomEvent.TOPIC_PREFIX + ClassroomEvent.Type.COURSEWARE_CHANGED)));
        // a detector as an admin makes one, through the API: a named instance of the factory
        Api api = new Api().ready();
        assertEquals(400, api.patch("config/org.yike.vision.board~screen", "{\"fps\": \"fast\"}").status());
        assertEquals("none stored yet", 404, api.delete("config/org.yike.vision.board~screen").status());
        Api.Answer made = api.patch("config/org.yike.vision.board~screen", "{\"blackboard\": false, \"fps\": 5.0}");
        assertEquals(made.toString(), 200, made.status());
        assertEquals(5.0, made.body().get("values").get("fps").asDouble(), 0);
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        List<ClassroomEvent> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Event e = changes.poll(4 * SLIDE_SECONDS, TimeUnit.SECONDS);
            assertNotNull("slide change " + (i + 1) + " seen within " + 4 * SLIDE_SECONDS + " s: " + seen, e);
            seen.add(ClassroomEvent.fromProperties(Map.of("type", e.getProperty("type"), "classroom", e.getProperty("classroom"),
                    "time", e.getProperty("time"), "device", e.getProperty("device"), "source", e.getProperty("source"))));
        }
        assertEquals("FINISHED", api.post("recordings/" + id + "/stop", "").body().get("state").asText());
        assertEquals(204, api.delete("config/org.yike.vision.board~screen").status());
        assertTrue(api.get("config/org.yike.vision.board~screen").body().get("values").isEmpty());

        for (ClassroomEvent e : seen) {
            assertEquals("101", e.classroom());
            assertEquals("virtual-101", e.deviceId());
            assertEquals("courseware", e.sourceId());
        }
        // dated by the picture in which the slide came: 5 pictures a second
        for (int i = 1; i < seen.size(); i++) {
            long apart = seen.get(i).time().toEpochMilli() - seen.get(i - 1).time().toEpochMilli();
            assertEquals("one slide change each " + SLIDE_SECONDS + " s: " + seen, SLIDE_SECONDS * 1000, apart, 600);
        }
    }
}
