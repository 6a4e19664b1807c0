package org.yike.live.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Test;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Source;
import org.yike.api.timetable.Timetable;
import org.yike.media.MediaInfo;
import org.yike.media.fixture.FileLiveStreams;
import org.yike.media.fixture.LessonFile;
import org.yike.timetable.fixture.Timetables;

/**
 * The live servlets in an embedded Jetty 12, fed by a real file's packets at real time, watched by
 * the JDK's WebSocket and HTTP clients; what they receive is read back by ffprobe.
 */
public class LiveDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ClassRule
    public static final LessonFile LESSON = new LessonFile("live-delivery", 20);

    private final Path data = Path.of("target", "live-delivery", Long.toString(System.nanoTime()));
    private final HttpClient client = HttpClient.newHttpClient();
    private FileLiveStreams live;
    private LiveHubs hubs;
    private RoomStates rooms;
    private Server server;
    private String base;

    @Before
    public void serve() throws Exception {
        live = LESSON.streams("101", "live");
        hubs = new LiveHubs(live, new Limits(500, Duration.ofSeconds(2), 1, 4, Duration.ofSeconds(3)), data.resolve("live"));
        rooms = new RoomStates(hubs, SHANGHAI, new RoomPlaces(new String[] {"101=教学楼A/3", "not a place"}));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        // what the kernel buffers for a socket counts as written: kept small, so a stalled reader shows soon
        connector.setAcceptedSendBufferSize(32 * 1024);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new LiveServlet(hubs, rooms)), "/live/*");
        ServletHolder states = new ServletHolder(rooms);
        context.addServlet(states, "/api/live");
        context.addServlet(states, "/api/live/*");
        JettyWebSocketServletContainerInitializer.configure(context, null);
        server.setHandler(context);
        server.start();
        base = "127.0.0.1:" + connector.getLocalPort();
    }

    @After
    public void stop() throws Exception {
        server.stop();
        hubs.deactivate();
        live.end();
    }

    @Test
    public void aPlayerWaitingInAnIdleRoomGetsTheLessonWhenItStartsAndALateJoinerStartsAtAKeyFrame() throws Exception {
        Watcher early = Watcher.open(client, URI.create("ws://" + base + "/live/101/live"));
        assertEquals("idle", state().get("state").asText());
        until("the waiting player is counted", 5, () -> hubs.viewers("101", "live"), n -> n == 1);
        assertTrue("nothing before the lesson", early.messages.isEmpty());

        live.start("lesson-1");
        until("the first player gets the lesson", 10, early.messages::size, n -> n > 25);
        Watcher late = Watcher.open(client, URI.create("ws://" + base + "/live/101/live"));
        until("the late player gets pictures", 10, late.messages::size, n -> n > 25);
        JsonNode state = state();
        assertEquals("live", state.get("state").asText());
        assertEquals("lesson-1", state.get("lesson").asText());
        JsonNode stream = state.get("streams").get(0);
        assertEquals("/live/101/live", stream.get("ws").asText());
        assertEquals(2, stream.get("viewers").asInt());
        assertEquals(320, stream.get("video").get("width").asInt());
        live.end();

        assertEquals("1000 ended", early.closed.get(10, TimeUnit.SECONDS));
        assertEquals("1000 ended", late.closed.get(10, TimeUnit.SECONDS));

        // the late joiner's first message: the header, the metadata, both configs and a key frame
        List<FlvTags.Tag> first = tags(late.messages.get(0));
        assertEquals(5, first.size());
        assertTrue(first.get(0).fileHeader());
        assertEquals(FlvTags.SCRIPT, first.get(1).type());
        assertTrue(first.get(2).type() == FlvTags.VIDEO && first.get(2).config());
        assertTrue(first.get(3).type() == FlvTags.AUDIO && first.get(3).config());
        assertTrue(first.get(4).keyFrame());
        assertTrue("the late joiner starts later", timestamp(first.get(4)) > 0);
        // the same header and configs the early one got
        List<FlvTags.Tag> early4 = tags(early.messages.get(0)).subList(0, 4);
        for (int i = 0; i < 4; i++) assertArrayEquals(early4.get(i).bytes(), first.get(i).bytes());

        for (Watcher w : List.of(early, late)) {
            Path flv = Files.write(Files.createDirectories(data).resolve("watcher-" + w.hashCode() + ".flv"), w.bytes());
            MediaInfo info = LESSON.media().probe(flv);
            assertEquals("h264", info.video().orElseThrow().codec());
            assertEquals("aac", info.audio().orElseThrow().codec());
            assertEquals("every picture sent is there", videoFrames(w.bytes()), info.videoFrameTimes().size());
            assertEquals("none missing", 0.04, info.largestVideoGap(), 0.001);
        }
        until("the room is idle again", 5, () -> state().get("state").asText(), "idle"::equals);
    }

    @Test
    public void aViewerThatStopsReadingIsClosedWith1008AndTheOtherKeepsEveryPicture() throws Exception {
        live.start("lesson-2");
        Watcher slow = Watcher.open(client, URI.create("ws://" + base + "/live/101/live"));
        Watcher fast = Watcher.open(client, URI.create("ws://" + base + "/live/101/live"));
        until("both get pictures", 10, () -> Math.min(slow.messages.size(), fast.messages.size()), n -> n > 10);
        slow.stopReading();
        long stopped = System.nanoTime();
        until("the slow viewer is dropped", 12, () -> hubs.viewers("101", "live"), n -> n == 1);
        double seconds = (System.nanoTime() - stopped) / 1e9;
        assertTrue("dropped after " + seconds + " s", seconds < 10);
        int got = fast.messages.size();
        until("the other goes on", 5, fast.messages::size, n -> n > got + 25);
        slow.readAgain();
        assertEquals("1008 too slow: more than 2 s behind", slow.closed.get(10, TimeUnit.SECONDS));
        live.end();
        assertEquals("1000 ended", fast.closed.get(10, TimeUnit.SECONDS));
        MediaInfo info = LESSON.media().probe(Files.write(Files.createDirectories(data).resolve("fast.flv"), fast.bytes()));
        assertEquals(videoFrames(fast.bytes()), info.videoFrameTimes().size());
        assertEquals("the fast one lost nothing", 0.04, info.largestVideoGap(), 0.001);
    }

    @Test
    public void httpFlvIsTheSameStreamAndAnIdleRoomAnswersItsStateWithTheNextLesson() throws Exception {
        Timetable timetable = Timetables.outsideFramework(data.resolve("timetable"), SHANGHAI);
        LocalDate today = LocalDate.now(SHANGHAI);
        timetable.importBells("profile,period,label,start,end\nw,1,第1节,07:00,07:45\n".getBytes(StandardCharsets.UTF_8));
        timetable.importCalendar(("date,kind,follows_date,bell_profile,note\n" + today.minusDays(7) + ",term_start,,w,\n"
                + today.plusDays(30) + ",term_end,,,\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder lessons = new StringBuilder("room,weekday,period,weeks,course,teacher,class,record\n");
        for (int day = 1; day <= 7; day++) lessons.append("101,").append(day).append(",1,all,数学,王老师,初二(1)班,yes\n");
        timetable.importLessons(lessons.toString().getBytes(StandardCharsets.UTF_8));
        rooms.timetable = timetable;
        rooms.devices = List.of(new Camera("cam-102", "102", DeviceStatus.offline("connection refused")));

        HttpResponse<String> idle = client.send(HttpRequest.newBuilder(URI.create("http://" + base + "/live/101/live.flv")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, idle.statusCode());
        JsonNode body = JSON.readTree(idle.body());
        assertEquals("idle", body.get("state").asText());
        assertEquals("数学", body.get("next").get("course").asText());
        assertTrue(body.toString(), body.get("next").get("start").asText().contains("T07:00"));
        assertEquals(body.toString(), 1, body.get("next").get("period").asInt());
        assertEquals("the room's place, from the settings", "教学楼A", body.get("building").asText());
        assertEquals("3", body.get("floor").asText());
        JsonNode all = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create("http://" + base + "/api/live")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(all.toString(), 2, all.size());
        assertEquals("faulty", all.get(1).get("state").asText());
        assertEquals("connection refused", all.get(1).get("offline").get(0).get("reason").asText());

        live.start("lesson-3");
        HttpResponse<InputStream> flv = client.send(HttpRequest.newBuilder(URI.create("http://" + base + "/live/101/live.flv")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, flv.statusCode());
        assertEquals("video/x-flv", flv.headers().firstValue("content-type").orElse(""));
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = flv.body()) {
            byte[] buffer = new byte[65536];
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            for (int n; System.nanoTime() < until && (n = in.read(buffer)) > 0;) got.write(buffer, 0, n);
            live.end();
            // the response ends with the lesson
            for (int n; (n = in.read(buffer)) > 0;) got.write(buffer, 0, n);
        }
        MediaInfo info = LESSON.media().probe(Files.write(data.resolve("http.flv"), got.toByteArray()));
        assertEquals("h264", info.video().orElseThrow().codec());
        assertEquals("aac", info.audio().orElseThrow().codec());
        assertEquals(videoFrames(got.toByteArray()), info.videoFrameTimes().size());
        // read for 3 s from the next key frame, a second apart at most
        assertTrue("2 s or more: " + info.videoFrameTimes().size(), info.videoFrameTimes().size() >= 50);
    }

    @Test
    public void hlsListsSegmentsOfOneToTwoSecondsAndStopsWhenNobodyReads() throws Exception {
        HttpResponse<String> idle = get("/live/101/live/index.m3u8");
        assertEquals(404, idle.statusCode());
        live.start("lesson-4");
        HttpResponse<String> first = get("/live/101/live/index.m3u8");
        assertEquals(200, first.statusCode());
        assertEquals("application/vnd.apple.mpegurl", first.headers().firstValue("content-type").orElse(""));
        String playlist = until("three segments listed", 10, () -> get("/live/101/live/index.m3u8").body(),
                p -> p.lines().filter(l -> l.endsWith(".ts")).count() >= 3);
        for (String line : playlist.lines().toList()) {
            if (line.startsWith("#EXTINF:")) {
                double seconds = Double.parseDouble(line.substring(8, line.indexOf(',')));
                assertTrue(line, seconds >= 0.9 && seconds <= 2);
            }
        }
        String newest = playlist.lines().filter(l -> l.endsWith(".ts")).reduce((a, b) -> b).orElseThrow();
        HttpResponse<byte[]> segment = client.send(HttpRequest.newBuilder(URI.create("http://" + base + "/live/101/live/" + newest)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, segment.statusCode());
        MediaInfo info = LESSON.media().probe(Files.write(Files.createDirectories(data).resolve(newest), segment.body()));
        assertEquals("h264", info.video().orElseThrow().codec());
        assertEquals("aac", info.audio().orElseThrow().codec());
        assertEquals(404, get("/live/101/live/segment-99999.ts").statusCode());
        assertEquals(404, get("/live/101/live/other.txt").statusCode());

        // nobody reads: after the quiet time (3 s here) the muxing stops and its folder goes
        until("the HLS folder is gone", 10, () -> {
            try (Stream<Path> left = Files.list(data.resolve("live"))) {
                return left.count();
            }
        }, n -> n == 0);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode state() throws Exception {
        return JSON.readTree(get("/api/live/101").body());
    }

    private static List<FlvTags.Tag> tags(byte[] bytes) throws IOException {
        List<FlvTags.Tag> tags = new ArrayList<>();
        new FlvTags(tags::add).write(bytes);
        return tags;
    }

    /** The video frames (not configs) in an FLV. */
    private static long videoFrames(byte[] flv) throws IOException {
        return tags(flv).stream().filter(t -> t.type() == FlvTags.VIDEO && !t.config()).count();
    }

    private static int timestamp(FlvTags.Tag t) {
        byte[] b = t.bytes();
        return (b[7] & 0xff) << 24 | (b[4] & 0xff) << 16 | (b[5] & 0xff) << 8 | b[6] & 0xff;
    }

    /** Polls {@code value} until {@code done} holds, failing after {@code seconds} with what it saw last. */
    private static <T> T until(String what, int seconds, Callable<T> value, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        T last = null;
        while (System.nanoTime() < deadline) {
            last = value.call();
            if (done.test(last)) return last;
            TimeUnit.MILLISECONDS.sleep(50);
        }
        fail(what + " did not happen within " + seconds + " s; last seen: " + last);
        return last;
    }

    /** A camera as a driver registers it, in a given state. */
    private record Camera(String id, String classroom, DeviceStatus status) implements Device {
        @Override
        public String name() {
            return "camera " + id;
        }

        @Override
        public String driver() {
            return "rtsp";
        }

        @Override
        public List<Source> sources() {
            return List.of();
        }
    }
}
