package org.yike.connector.opencast.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.recording.Recording;
import org.yike.api.recording.Recording.RecordedFile;
import org.yike.api.recording.ScheduledLesson;
import org.yike.connector.opencast.fixture.OpencastFixture;

/** The Opencast connector against the capture-agent endpoints replayed on loopback. */
public class OpencastConnectorTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private OpencastFixture opencast;
    private OpencastConnector connector;

    @After
    public void stop() throws Exception {
        if (connector != null) connector.close();
        if (opencast != null) opencast.close();
    }

    @Test
    public void aLessonIsIngestedTrackByTrackBehindDigest() throws Exception {
        opencast = new OpencastFixture(true);
        connector = new OpencastConnector(rooms(false), tmp.newFolder("cache").toPath(), a -> { });
        byte[] program = bytes(400_000, 1);
        byte[] courseware = bytes(150_000, 2);
        Recording lesson = lesson(program, courseware);
        Map<String, Object> target = target("digest");
        target.put("presentationSource", "courseware");
        AtomicLong sent = new AtomicLong();
        connector.publish(lesson, target, sent::set);

        assertEquals(1, opencast.catalogs.size());
        String catalog = opencast.catalogs.get(0);
        assertTrue(catalog, catalog.startsWith("dublincore/episode "));
        assertTrue(catalog, catalog.contains("<dcterms:title>数学 第一课</dcterms:title>"));
        assertTrue(catalog, catalog.contains("<dcterms:creator>王老师</dcterms:creator>"));
        assertTrue(catalog, catalog.contains("<dcterms:spatial>101</dcterms:spatial>"));
        assertEquals(List.of(new OpencastFixture.Track("presenter/source", OpencastFixture.sha256(program), program.length),
                new OpencastFixture.Track("presentation/source", OpencastFixture.sha256(courseware), courseware.length)),
                opencast.tracks);
        assertEquals(List.of("schedule-and-upload"), opencast.ingested);
        assertEquals(program.length + courseware.length, sent.get());
        assertFalse("the digest was settled before the tracks, so none is sent twice: " + opencast.challenges,
                opencast.challenges.isEmpty() || opencast.challenges.contains("/ingest/addTrack"));
    }

    @Test
    public void aWrongPasswordIsSaidWithoutThePassword() throws Exception {
        opencast = new OpencastFixture(true);
        connector = new OpencastConnector(rooms(false), tmp.newFolder("cache").toPath(), a -> { });
        Map<String, Object> target = target("digest");
        target.put("password", "wrong-pw-123");
        IOException e = assertThrows(IOException.class, () -> connector.publish(lesson(bytes(10, 1), bytes(10, 2)), target, n -> { }));
        assertTrue(e.getMessage(), e.getMessage().contains("answered 401") && e.getMessage().contains("check user, password"));
        assertFalse(e.getMessage().contains("wrong-pw-123"));
        assertTrue(opencast.tracks.isEmpty());
    }

    @Test
    public void theRoomIsACaptureAgentWithItsStateInputsAndCalendar() throws Exception {
        opencast = new OpencastFixture(false);
        Path cache = tmp.newFolder("cache").toPath();
        List<CaptureAgent> changed = new ArrayList<>();
        connector = new OpencastConnector(rooms(true), cache, changed::add);
        Map<String, Object> target = target("basic");
        target.put("agentName", "room-101");
        target.put("room", "101");
        target.put("pollSeconds", 1);
        connector.targets(Map.of("district-opencast", target));

        waitFor(() -> opencast.calendarAnswers.contains("304"), "a second calendar request answered 304 Not Modified");
        assertTrue(opencast.agentStates.toString(), opencast.agentStates.contains("room-101=capturing"));
        assertEquals("{\"capture.device.names\":\"students,teacher\"}", opencast.configurations.get(0));
        assertTrue(opencast.calendarAnswers.get(0), opencast.calendarAnswers.get(0).startsWith("200 agentid=room-101&cutoff="));
        CaptureAgent agent = connector.agent("district-opencast");
        assertEquals(OpencastFixture.CALENDAR, agent.ical());
        assertEquals("101", agent.room());
        assertEquals("the calendar changed once", 1, changed.size());
        assertEquals(OpencastFixture.CALENDAR, Files.readString(cache.resolve("room-101.ics")));

        // a target without an agent name stops the agent
        target.remove("agentName");
        connector.targets(Map.of("district-opencast", target));
        assertEquals(null, connector.agent("district-opencast"));
    }

    @Test
    public void theRecordingOfAnEventIsReportedAndIngestedForThatEvent() throws Exception {
        opencast = new OpencastFixture(true);
        Map<String, Object> target = target("digest");
        target.put("agentName", "room-101");
        target.put("room", "101");
        target.put("pollSeconds", 1);
        List<Recording> lessons = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> queued = new java.util.concurrent.CopyOnWriteArrayList<>();
        Recording finished = lesson(bytes(1000, 1), bytes(10, 2));
        ScheduledLesson event = new ScheduledLesson("68b19d11-6aca-413e", "101", LocalDate.parse("2026-11-26"), 0, "Opencast room-101",
                "数学 第一课", null, null, finished.started(), finished.ended(), null);
        Recording running = new Recording(event.session(), "101", event.title(), Recording.State.RECORDING, Instant.now(), null,
                List.of(), null, false, event);
        lessons.add(running);
        // a lesson of the timetable in the same room is no event of the agent
        lessons.add(new Recording("20261126-aa", "101", "语文", Recording.State.RECORDING, Instant.now(), null, List.of(), null, false,
                new ScheduledLesson("20261126-aa", "101", LocalDate.parse("2026-11-26"), 1, "第1节", "语文", null, null, null, null, null)));
        connector = new OpencastConnector(rooms(lessons, queued), tmp.newFolder("cache").toPath(), a -> { });
        connector.targets(Map.of("district-opencast", target));
        waitFor(() -> opencast.recordingStates.contains("68b19d11-6aca-413e=capturing"), "the event reported capturing");

        lessons.set(0, new Recording(event.session(), "101", event.title(), Recording.State.FINISHED, Instant.now(), Instant.now(),
                finished.files(), null, false, event));
        waitFor(() -> queued.contains("68b19d11-6aca-413e district-opencast"), "the finished recording queued for its target");
        connector.publish(lessons.get(0), target, n -> { });

        assertEquals(List.of("68b19d11-6aca-413e=capturing", "68b19d11-6aca-413e=capture_finished", "68b19d11-6aca-413e=uploading",
                "68b19d11-6aca-413e=upload_finished"), opencast.recordingStates);
        assertEquals(List.of("schedule-and-upload 68b19d11-6aca-413e"), opencast.ingested);
        assertEquals("queued once", 1, queued.size());
    }

    /** Room 101, recording a lesson started by hand or not. */
    private static OpencastConnector.Rooms rooms(boolean recording) {
        return rooms(recording ? List.of(new Recording("by-hand", "101", "t", Recording.State.RECORDING, Instant.now(), null, List.of(),
                null, false)) : List.of(), List.of());
    }

    /** Room 101 with its lessons; {@code queued} hears each hand-over to the publishing queue as {@code <recording> <target>}. */
    private static OpencastConnector.Rooms rooms(List<Recording> lessons, List<String> queued) {
        return new OpencastConnector.Rooms() {
            @Override
            public boolean recording(String room) {
                return room.equals("101") && lessons.stream().anyMatch(l -> l.state() == Recording.State.RECORDING);
            }

            @Override
            public List<Recording> lessons(String room) {
                return room.equals("101") ? lessons : List.of();
            }

            @Override
            public void ingest(String recording, String target) {
                queued.add(recording + " " + target);
            }

            @Override
            public String sources(String room) {
                return room.equals("101") ? "students,teacher" : "";
            }
        };
    }

    private Map<String, Object> target(String auth) {
        Map<String, Object> t = new HashMap<>();
        t.put("url", opencast.url());
        t.put("user", OpencastFixture.USER);
        t.put("password", OpencastFixture.PASSWORD);
        t.put("auth", auth);
        t.put("timeoutSeconds", 10);
        return t;
    }

    private Recording lesson(byte[] program, byte[] courseware) throws IOException {
        Path folder = tmp.newFolder().toPath();
        Path p = Files.write(folder.resolve("program.mp4"), program);
        Path c = Files.write(folder.resolve("courseware.mp4"), courseware);
        Path meta = Files.writeString(folder.resolve("lesson.json"), "{\"title\":\"数学 第一课\",\"teacher\":\"王老师\",\"course\":\"数学\"}");
        return new Recording("20261126-0900-101", "101", "数学 第一课", Recording.State.FINISHED, Instant.parse("2026-11-26T01:00:00Z"),
                Instant.parse("2026-11-26T01:45:00Z"), List.of(RecordedFile.program(p.toString(), "recording"),
                        RecordedFile.resource(c.toString(), "courseware", 0), RecordedFile.metadata(meta.toString())), null, false);
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("not within 20 s: " + what);
            Thread.sleep(100);
        }
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
