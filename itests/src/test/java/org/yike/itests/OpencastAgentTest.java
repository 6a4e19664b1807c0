package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Test;
import org.yike.connector.opencast.fixture.OpencastFixture;

/**
 * The product jar as an Opencast capture agent, end to end, against the connector's fixture of the
 * capture-agent endpoints (Digest auth): an opencast target made through the API is the only call;
 * the event of the agent's calendar is recorded by the virtual classroom under the event's UID, its
 * states reported, and the recording ingested into the event.
 */
public class OpencastAgentTest extends ProductJarTest {

    private static final String AGENT = "yike-101";

    private OpencastFixture opencast;

    @After
    public void stop() {
        if (opencast != null) opencast.close();
    }

    @Test
    public void anEventOfTheAgentsCalendarIsRecordedAndIngestedIntoTheEvent() throws Exception {
        TimetableCrashTest.clean(data);
        opencast = new OpencastFixture(true);
        yike = InYike.productJar(data, port);
        Api api = new Api(port, data).ready(60);
        // connectors come up one by one after the API
        Await.until("the opencast connector installed", 30, () -> api.get("publish/types").body().toString().contains("\"type\":\"opencast\""));

        String uid = "e2e-" + UUID.randomUUID();
        Instant start = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plusSeconds(12);
        opencast.calendar = OpencastFixture.calendar(uid, "数学 Opencast", start, end);
        Api.Answer target = api.post("publish/targets", "{\"type\": \"opencast\", \"name\": \"campus\", \"config\": {\"url\": \""
                + opencast.url() + "\", \"user\": \"" + OpencastFixture.USER + "\", \"password\": \"" + OpencastFixture.PASSWORD
                + "\", \"agentName\": \"" + AGENT + "\", \"room\": \"101\", \"pollSeconds\": 5}}");
        assertEquals(target.body().toString(), 201, target.status());
        assertFalse(target.body().toString().contains(OpencastFixture.PASSWORD));

        // no other call: the calendar's event becomes a session of room 101, recorded under its UID
        JsonNode recording = await(api, uid, "RECORDING", 30);
        assertFalse("recorded from the event's start: " + recording, recording.get("partial").asBoolean());
        assertEquals(recording.toString(), "101", recording.get("classroom").asText());
        assertEquals(recording.toString(), uid, recording.get("lesson").get("session").asText());
        Await.until("the agent reported capturing", 10, () -> List.copyOf(opencast.agentStates), s -> s.contains(AGENT + "=capturing"));
        assertTrue(opencast.agentStates.toString(), opencast.agentStates.contains(AGENT + "=idle"));
        assertTrue(opencast.configurations.toString(), opencast.configurations.stream().anyMatch(c -> c.contains("\"capture.device.names\":")));
        assertTrue(opencast.calendarAnswers.toString(), opencast.calendarAnswers.get(0).startsWith("200 agentid=" + AGENT + "&cutoff="));

        JsonNode finished = await(api, uid, "FINISHED", (int) (end.getEpochSecond() - Instant.now().getEpochSecond()) + 15);
        long endedOff = Instant.parse(finished.get("ended").asText()).toEpochMilli() - end.toEpochMilli();
        assertTrue("stopped at the event's end, " + endedOff + " ms off", endedOff > -1000 && endedOff < 5000);
        Await.until("upload_finished reported", 30, () -> List.copyOf(opencast.recordingStates), s -> s.contains(uid + "=upload_finished"));

        assertEquals(List.of(uid + "=capturing", uid + "=capture_finished", uid + "=uploading", uid + "=upload_finished"),
                opencast.recordingStates);
        assertEquals(List.of("createMediaPackage", "addDCCatalog", "addTrack", "ingest"), opencast.ingestCalls);
        assertEquals(List.of("schedule-and-upload " + uid), opencast.ingested);
        assertTrue(opencast.catalogs.toString(), opencast.catalogs.get(0).contains("<dcterms:title>数学 Opencast"));
        Path program = null;
        for (JsonNode f : finished.get("files")) {
            if (program == null && f.get("kind").asText().equals("program")) program = Path.of(f.get("path").asText());
        }
        OpencastFixture.Track track = opencast.tracks.get(0);
        assertEquals(1, opencast.tracks.size());
        assertEquals("presenter/source", track.flavor());
        assertEquals(Files.size(program), track.bytes());
        assertEquals(OpencastFixture.sha256(Files.readAllBytes(program)), track.sha256());

        List<String> answers = List.of(api.get("publish/targets").body().toString(), api.get("publish/jobs").body().toString(),
                api.get("recordings/" + uid).body().toString(), api.get("schedule?room=101").body().toString());
        assertTrue(answers.get(1), answers.get(1).contains("\"done\""));
        for (String a : answers) assertFalse("no password in " + a, a.contains(OpencastFixture.PASSWORD));
        assertFalse("no password in yike.log", Files.readString(data.resolve("yike.log")).contains(OpencastFixture.PASSWORD));
    }

    /** The recording {@code id} once it is in {@code state}, within {@code seconds}. */
    private static JsonNode await(Api api, String id, String state, int seconds) throws Exception {
        return Await.until("recording " + id + " " + state, seconds, () -> api.get("recordings/" + id),
                a -> a.status() == 200 && a.body().get("state").asText().equals(state)).body();
    }
}
