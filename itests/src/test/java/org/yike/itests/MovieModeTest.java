package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

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
 * The courseware changes: the recorded program shows the courseware with the teacher in the top
 * right corner, read back from the decoded file by each virtual camera's colour key.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MovieModeTest extends InYike {

    private static final int W = 1280;
    private static final int H = 720;

    @Inject
    BundleContext context;

    @Test
    public void coursewareWithTheTeacherInPictureInPicture() throws Exception {
        configureClassroom(Map.of("id", "virtual-101", "width", W, "height", H, "coursewareChangesEverySeconds", 1,
                "studentStandsEverySeconds", 0));
        // the shot dissolves in (400 ms), and then stands
        configureRecording(Map.of("width", W, "height", H, "liveKbps", 0, "mobileKbps", 0, "transitionMillis", 400));

        BlockingQueue<Event> changes = new LinkedBlockingQueue<>();
        context.registerService(EventHandler.class, changes::add, new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC,
                ClassroomEvent.TOPIC_PREFIX + ClassroomEvent.Type.COURSEWARE_CHANGED)));

        Api api = new Api().ready();
        assertNotNull("the classroom's first courseware change", changes.poll(10, TimeUnit.SECONDS));
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, 4000); // the lesson tested: 4 s
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        Path program = Path.of(lesson.get("files").get(0).get("path").asText());
        assertEquals("PIP_TOP_RIGHT", decisionAfterStart(program.resolveSibling("lesson.json")));

        ByteBuffer picture = Pictures.at(program, 3.0);
        assertEquals("the courseware fills the picture", "blue", Pictures.keyColour(picture, W, H, W - 8, H - 8));
        int margin = H / 30;
        int pipRight = W - margin;
        int pipBottom = margin + H / 4;
        assertEquals("the teacher is in the top right corner", "red", Pictures.keyColour(picture, W, H, pipRight - 5, pipBottom - 5));
        assertTrue("and not full screen", !Pictures.keyColour(picture, W, H, W / 2, H / 2).equals("red"));
    }

    private static String decisionAfterStart(Path metadata) throws Exception {
        JsonNode decisions = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metadata.toFile()).get("decisions");
        return decisions.get(decisions.size() - 1).get("layout").asText();
    }
}
