package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.yike.media.MediaInfo;

/**
 * A driver bundle installed and the recording configuration changed in the running framework
 * mid-lesson: the new device appears, the lesson goes on and its file has no gap.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotInstallTest extends InYike {

    @Inject
    BundleContext context;

    @Test
    public void installingADriverDuringALessonLeavesNoGap() throws Exception {
        Api api = new Api().ready();
        // the lesson's clock waits for its first pictures: while the catalog opens its database and
        // index after boot that took up to 0.7 s, which is the opening, not what an install costs
        Await.until("the catalog open (/api/lessons answers)", 30, () -> api.get("lessons").status() == 200);
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, 3000); // the lesson tested: 3 s before the install, 4 s after it

        Bundle board = context.installBundle(Path.of(System.getProperty("yike.hotinstall")).toUri().toString());
        board.start();
        JsonNode device = api.awaitDevice("driver", "virtualboard");
        assertTrue("the new driver's device is listed without a restart", device != null);
        assertEquals("BLACKBOARD", device.get("sources").get(0).get("role").asText());

        // changing the recording configuration mid-lesson applies to the next lesson, not this one
        configureRecording(Map.of("videoKbps", 2000, "teacherResourceKbps", 0, "studentResourceKbps", 0,
                "coursewareResourceKbps", 0));

        api.awaitRecordedMore(id, 4000);
        assertEquals("RECORDING", api.get("recordings/" + id).body().get("state").asText());
        // frames are due until the stop is asked for; finishing the files afterwards takes its own time
        long stopping = System.nanoTime();
        JsonNode stopped = api.post("recordings/" + id + "/stop", "").body();
        double stopSeconds = (System.nanoTime() - stopping) / 1e9;
        assertEquals("FINISHED", stopped.get("state").asText());
        double recordedSeconds = stopped.get("recordedMillis").asLong() / 1e3;

        MediaInfo info = media.probe(Path.of(stopped.get("files").get(0).get("path").asText()));
        assertEquals("no frame is missing", 0.04, info.largestVideoGap(), 0.001);
        int frames = info.videoFrameTimes().size();
        double last = info.videoFrameTimes().get(frames - 1);
        assertEquals("frame count matches the timestamps", Math.round(last * 25) + 1, frames, 1);
        assertEquals("frames for the time recorded (the stop took " + stopSeconds + " s)", recordedSeconds * 25, frames, 25 * 0.5);
    }
}
