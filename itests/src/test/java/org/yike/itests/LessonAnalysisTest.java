package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The S-T analysis of a scripted lesson: the virtual classroom's teacher tone on its microphone and a student tone
 * on a second one by a known schedule, the lesson sampled every 10 s, and Rt, Ch and the type the API answers,
 * analysis.json beside the lesson says and the teachers' summary sums up are those worked out by hand.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LessonAnalysisTest extends InYike {

    /**
     * Each turn a whole number of 10 s intervals, so that each interval is one side's throughout but for the
     * recorder's delays (a microphone is quiet 1.5 s after its last sound, and its sound starts as it opens).
     */
    static final String SPEECH = "T 20, S 10, T 10, S 20";

    @Test
    public void aScriptedConversationHasTheRtChAndTypeWorkedOutByHand() throws Exception {
        configureRecording(SMALL_PROGRAM);
        configure("org.yike.analysis.lesson", Map.of("intervalSeconds", 10));
        teacherThroughout(640, 360, "speech", SPEECH);
        Api api = new Api().ready();
        // a run of its own: the lessons an earlier run left in the data folder are deleted, their analyses with them
        for (JsonNode earlier : api.get("lessons?size=100").body().get("items")) api.delete("lessons/" + earlier.get("id").asText());
        Await.until("no analysis left of an earlier run", 15, () -> api.get("analysis/teachers").body().isEmpty());
        assertEquals("the student microphone beside the classroom's", "virtual-101/student-mic",
                api.awaitDevice("id", "virtual-101").get("sources").get(4).get("key").asText());

        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\"}").body().get("id").asText();
        api.awaitRecorded(id, 60_000); // one turn of the script: six intervals
        JsonNode stopped = api.post("recordings/" + id + "/stop", "").body();
        assertEquals(stopped.toString(), "FINISHED", stopped.get("state").asText());
        Path folder = Path.of(stopped.get("files").get(0).get("path").asText()).getParent();

        JsonNode analysis = api.awaitOk("lessons/" + id + "/analysis", 30).body();
        JsonNode st = analysis.get("st");
        String heard = new ObjectMapper().readTree(folder.resolve("lesson.json").toFile()).get("classroomEvents").toString();
        // T T | S | T | S S: N = 6, N_T = 3, g = 4 runs; Rt = 3/6 = 0.5, Ch = (4 - 1)/6 = 0.5: 对话型 (Ch ≥ 0.4, 0.3 < Rt < 0.7)
        assertEquals("the curve, from the microphones heard: " + heard, "TTSTSS", st.get("curve").asText());
        assertEquals(10, st.get("intervalSeconds").asInt());
        assertEquals(6, st.get("samples").asInt());
        assertEquals(3, st.get("teacherSamples").asInt());
        assertEquals(4, st.get("runs").asInt());
        assertEquals(0.5, st.get("rt").asDouble(), 0);
        assertEquals(0.5, st.get("ch").asDouble(), 0);
        assertEquals("DIALOGUE", st.get("type").asText());
        assertEquals("nobody stood up", 0, analysis.at("/standUps/total").asInt());
        assertEquals("with the lesson, in its folder", analysis, new ObjectMapper().readTree(folder.resolve("analysis.json").toFile()));

        // a lesson recorded by hand has no teacher from the timetable: summed up as nobody's, in its term
        JsonNode teachers = api.get("analysis/teachers").body();
        assertEquals(teachers.toString(), 1, teachers.size());
        JsonNode summary = teachers.get(0);
        assertTrue(summary.toString(), summary.get("teacher").isNull());
        assertEquals(1, summary.get("lessons").asInt());
        assertEquals(0.5, summary.get("meanRt").asDouble(), 0);
        assertEquals(0.5, summary.get("meanCh").asDouble(), 0);
        assertEquals(summary.toString(), 1, summary.at("/types/DIALOGUE").asInt());
        assertEquals(teachers, api.get("analysis/teachers?term=" + URLEncoder.encode(summary.get("term").asText(), StandardCharsets.UTF_8))
                .body());
        assertEquals(0, api.get("analysis/teachers?term=1999%E7%A7%8B").body().size());
    }
}
