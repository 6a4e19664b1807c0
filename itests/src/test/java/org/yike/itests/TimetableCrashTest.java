package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * The product jar killed with SIGKILL inside a lesson of the timetable, then started again: the cut-off
 * recording is recovered as partial, and the rest of the lesson is recorded with no call, marked
 * partial, carrying the same session, and stops at the lesson's end bell.
 */
public class TimetableCrashTest extends ProductJarTest {


    @Test
    public void aRuntimeKilledInsideALessonRecordsTheRestOfItAsPartial() throws Exception {
        clean(data);
        LocalTime first = LocalTime.now().plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> files = TimetableRecordingTest.today(first, 40);
        // the timetable's store is its files: a school's folder put in place before the start
        Path timetable = Files.createDirectories(data.resolve("timetable"));
        Files.writeString(timetable.resolve("bells.csv"), files.get("bells"));
        Files.writeString(timetable.resolve("calendar.csv"), files.get("calendar"));
        Files.writeString(timetable.resolve("lessons.csv"), files.get("lessons").lines()
                .filter(l -> !l.startsWith("999") && !l.contains(",2,all,")).reduce("", (a, b) -> a + b + "\n"));
        Instant end = LocalDate.now().atTime(first.plusSeconds(40)).atZone(ZoneId.systemDefault()).toInstant();

        yike = InYike.productJar(data, port);
        Api api = new Api(port, data).ready();
        String session = api.get("schedule?room=101").body().get(0).get("id").asText();
        JsonNode cut = awaitRecording(api, session, 40);
        assertTrue("recorded from its start: " + cut, !cut.get("partial").asBoolean());
        api.awaitRecorded(cut.get("id").asText(), 6000); // the lesson tested: 6 s recorded before the kill
        yike.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        Instant killed = Instant.now();

        yike = InYike.productJar(data, port);
        Api restarted = new Api(port, data).ready();
        JsonNode recovered = Await.until("the cut-off recording recovered", 30, () -> restarted.get("recordings/" + cut.get("id").asText()).body(),
                r -> !r.get("state").asText().equals("RECORDING"));
        assertEquals(recovered.toString(), "FINISHED", recovered.get("state").asText());
        assertTrue(recovered.get("partial").asBoolean());

        JsonNode rest = awaitRecording(restarted, session + "-2", 20);
        assertTrue(rest.toString(), rest.get("partial").asBoolean());
        assertTrue(rest.toString(), rest.get("error").asText().startsWith("recorded from"));
        assertEquals(session, rest.get("lesson").get("session").asText());
        assertTrue(Instant.parse(rest.get("started").asText()).isAfter(killed));
        // the end bell, then as long again as a busy machine takes to finish its backlog
        rest = Await.until("the rest of the lesson ended", (int) Math.max(0, end.getEpochSecond() - Instant.now().getEpochSecond()) + 20,
                () -> restarted.get("recordings/" + session + "-2").body(), r -> !r.get("state").asText().equals("RECORDING"));
        assertEquals(rest.toString(), "FINISHED", rest.get("state").asText());
        assertTrue("still partial after its end: " + rest, rest.get("partial").asBoolean());
        long endedOff = Instant.parse(rest.get("ended").asText()).toEpochMilli() - end.toEpochMilli();
        assertTrue("stopped at the end bell, " + endedOff + " ms off", endedOff > -1000 && endedOff < 5000);

        JsonNode listed = restarted.get("schedule?room=101").body().get(0);
        assertEquals(listed.toString(), "partial", listed.get("state").asText());
        assertEquals(listed.toString(), session + "-2", listed.get("recording").asText());
        assertEquals(listed.toString(), "[\"" + session + "\",\"" + session + "-2\"]", listed.get("recordings").toString());
        JsonNode kept = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.resolve("scheduler/sessions.json").toFile());
        assertEquals(kept.toString(), session + "-2", kept.path("sessions").path(session).path("recording").asText());
        assertTrue(kept.toString(), kept.path("sessions").path(session).path("done").asBoolean());
    }

    /** The recording of this id once it is listed, within {@code seconds}. */
    private static JsonNode awaitRecording(Api api, String id, int seconds) throws Exception {
        return Await.value("a recording " + id, seconds, () -> {
            for (JsonNode r : api.get("recordings").body()) {
                if (r.get("id").asText().equals(id) || r.path("lesson").path("session").asText().equals(id)
                        && r.get("state").asText().equals("RECORDING")) {
                    return r;
                }
            }
            return null;
        });
    }

    /** Empties a test's data folder, so a run starts as the first. */
    static void clean(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> p.toFile().delete());
        }
    }
}
