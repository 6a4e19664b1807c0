package org.yike.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The virtual classroom's sync marker (the teacher camera flashes, the microphone beeps, at the
 * start of every second) read back from a 30 s recording: sound and picture keep their distance,
 * they do not drift apart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SyncTest extends InYike {

    private static final int W = 640;
    private static final int H = 360;
    private static final int SECONDS = 30;

    @Test
    public void soundAndPictureDoNotDriftApart() throws Exception {
        teacherThroughout(W, H);
        configureRecording(SMALL_PROGRAM);

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, SECONDS * 1000); // the lesson tested
        Path program = Path.of(api.post("recordings/" + id + "/stop", "").body().get("files").get(0).get("path").asText());

        SyncMarks marks = SyncMarks.read(program, W, H);
        List<Double> offsets = marks.offsets();
        String seen = marks + ", sound minus picture (ms) " + offsets.stream().map(o -> Long.toString(Math.round(o * 1000))).toList();
        System.out.println("SyncTest: " + seen);
        assertTrue(seen, offsets.size() >= SECONDS - 3);
        // the first seconds, while the sources settle, are no part of a drift
        double drift = SyncMarks.mean(offsets.subList(offsets.size() - 5, offsets.size())) - SyncMarks.mean(offsets.subList(3, 8));
        assertTrue("drift over " + SECONDS + " s: " + Math.round(drift * 1000) + " ms; " + seen, Math.abs(drift) <= 0.040);
        assertTrue("sound and picture within 100 ms: " + seen, Math.abs(SyncMarks.mean(offsets)) <= 0.100);
    }

}
