package org.yike.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.yike.api.runtime.Settings;

/**
 * A whole 45-minute lesson of the virtual classroom, its clock and its devices run {@link #SPEED}
 * times faster than real time so that CI can afford it: the sync marker (flash and beep each
 * second) read back from the program drifts no more than 40 ms from the first minutes to the last.
 * The same lesson in real time is in bench/sync-45min.sh.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LongLessonSyncTest extends InYike {

    private static final int SPEED = 10;
    private static final int LESSON_SECONDS = 45 * 60;
    private static final int W = 320;
    private static final int H = 180;
    /** Seconds of the lesson averaged at its start and at its end. */
    private static final int WINDOW = 300;

    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(), systemProperty(Settings.CLOCK_SPEED).value(Integer.toString(SPEED)));
    }

    @Test
    public void soundAndPictureStayTogetherForFortyFiveMinutes() throws Exception {
        teacherThroughout(W, H);
        configureRecording(Map.of("width", W, "height", H, "videoKbps", 300, "liveKbps", 0, "mobileKbps", 0));

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, LESSON_SECONDS * 1000L); // the lesson tested, on its clock that runs SPEED times faster
        Path program = Path.of(api.post("recordings/" + id + "/stop", "").body().get("files").get(0).get("path").asText());

        SyncMarks marks = SyncMarks.read(program, W, H);
        List<Double> offsets = marks.offsets();
        assertTrue("nearly every second marked: " + marks + ", paired " + offsets.size(), offsets.size() >= LESSON_SECONDS * 0.95);
        double first = SyncMarks.mean(offsets.subList(0, WINDOW));
        double last = SyncMarks.mean(offsets.subList(offsets.size() - WINDOW, offsets.size()));
        String seen = String.format("%s; sound minus picture: first 5 min %.0f ms, last 5 min %.0f ms, drift %.0f ms", marks,
                first * 1000, last * 1000, (last - first) * 1000);
        System.out.println("LongLessonSyncTest: " + seen);
        assertTrue("drift within 40 ms: " + seen, Math.abs(last - first) <= 0.040);
        assertTrue("sound and picture within 100 ms: " + seen, Math.abs(SyncMarks.mean(offsets)) <= 0.100);
    }
}
