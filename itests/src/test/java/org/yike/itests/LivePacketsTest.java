package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.osgi.service.cm.Configuration;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveStreams;
import org.yike.api.live.LiveSubscription;
import org.yike.api.live.LiveTrack;

/**
 * A running lesson's encoded packets, subscribed to through {@link LiveStreams}: the live profile
 * as its encoder makes them, and in resource mode a camera's own packets as they came.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LivePacketsTest extends InYike {

    /** The lesson taken from: long enough for a few key frames and a steady rate. */
    private static final long TAKEN_NANOS = 4_000_000_000L;

    @Inject
    LiveStreams live;

    private Process camera;
    /** Each test's own classroom, so that neither sees the other's camera. */
    private Configuration classroom;

    @After
    public void stopCamera() throws Exception {
        if (camera != null) camera.destroy();
        if (classroom != null) classroom.delete();
    }

    /** What a subscriber took, each packet with when it came ({@link System#nanoTime()}). */
    private record Took(LivePacket packet, long nanos) {
    }

    @Test
    public void theLiveProfilesPacketsComeAsTheyAreEncoded() throws Exception {
        Map<String, Object> profiles = new HashMap<>(SMALL_PROGRAM);
        profiles.putAll(Map.of("liveKbps", 400, "liveWidth", 320, "liveHeight", 180, "liveFps", 25, "liveGopFrames", 25));
        configureRecording(profiles);
        classroom = configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "studentStandsEverySeconds", 0,
                "coursewareChangesEverySeconds", 0));
        Api api = new Api().ready();
        long asked = System.nanoTime();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        LiveStream stream = Await.value("the lesson's live stream is listed", 10, () -> live.streams().stream()
                .filter(s -> s.name().equals("live") && id.equals(s.lesson())).findFirst().orElse(null));
        assertEquals(LiveStream.Origin.PROGRAM, stream.origin());
        assertEquals("h264", stream.video().codec());
        assertEquals(320, stream.video().width());
        assertTrue("SPS and PPS", stream.video().config().length > 8);
        assertEquals("aac", stream.audio().codec());
        assertTrue("an AudioSpecificConfig", stream.audio().config().length >= 2);

        List<Took> took;
        try (LiveSubscription s = live.subscribe(stream.room(), "live", 500)) {
            took = take(s);
            api.post("recordings/" + id + "/stop", "");
            Await.until("the stream ends with the lesson", 10, () -> {
                while (s.take(0, TimeUnit.MILLISECONDS) != null) {
                    // what was encoded before the end
                }
                return s.ended();
            });
            assertEquals("a subscriber that keeps up loses nothing", 0, s.lostPackets());
        }
        assertTrue("a key frame first", took.get(0).packet().startsPicture());
        List<Took> video = took.stream().filter(t -> t.packet().video()).toList();
        List<Took> audio = took.stream().filter(t -> !t.packet().video()).toList();
        assertTrue("pictures: " + video.size(), video.size() > 75);
        assertTrue("sound: " + audio.size(), audio.size() > 100);
        assertTrue("a key frame every second", video.stream().filter(t -> t.packet().key()).count() >= 3);

        // Lesson time runs from the clock's start, which comes after the lesson was asked for: so
        // arrival - asked - lesson time is at least each packet's delay from its lesson time.
        List<Long> delays = new ArrayList<>();
        for (Took t : video) delays.add((t.nanos() - asked) / 1_000_000 - t.packet().ptsMicros() / 1000);
        List<Long> sorted = delays.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long p90 = sorted.get(sorted.size() * 9 / 10);
        System.out.printf("LivePacketsTest: live packets at most %d ms (median), %d ms (90th percentile) after their lesson time%n",
                median, p90);
        assertTrue("packets come within a few hundred ms of their lesson time, not a file fragment's second: median "
                + median + " ms, 90th percentile " + p90 + " ms", median < 600 && p90 < 800);
        Took first = video.get(0);
        Took last = video.get(video.size() - 1);
        double lessonSeconds = (last.packet().ptsMicros() - first.packet().ptsMicros()) / 1e6;
        double realSeconds = (last.nanos() - first.nanos()) / 1e9;
        assertEquals("timestamps advance in real time", realSeconds, lessonSeconds, 0.5);
        for (int i = 1; i < video.size(); i++) {
            assertEquals("a frame every 40 ms", 40_000, video.get(i).packet().ptsMicros() - video.get(i - 1).packet().ptsMicros());
        }
    }

    @Test
    public void aCamerasOwnStreamIsItsPacketsAsTheyCame() throws Exception {
        Path work = Files.createDirectories(dataFolder().resolve("camera"));
        UdpCamera udp = UdpCamera.start(this, work.resolve("sent.ts"), work.resolve("camera.log"));
        camera = udp.process;
        classroom = configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "studentStandsEverySeconds", 0,
                "coursewareChangesEverySeconds", 0, "teacherUrl", udp.url()));
        configureRecording(SMALL_PROGRAM);
        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        LiveStream stream = Await.value("the camera's own stream is listed", 15, () -> live.streams().stream()
                .filter(s -> s.name().equals("virtual-101/teacher")).findFirst().orElse(null));
        assertEquals(LiveStream.Origin.CAMERA, stream.origin());
        assertEquals(id, stream.lesson());
        assertEquals("h264", stream.video().codec());
        assertEquals(640, stream.video().width());
        // AAC LC, 48 kHz, the tone's one channel
        assertEquals(LiveTrack.audio("aac", 48000, 1, new byte[] {0x11, (byte) 0x88}), stream.audio());

        List<Took> took;
        try (LiveSubscription s = live.subscribe(stream.room(), stream.name(), 500)) {
            took = take(s);
            api.post("recordings/" + id + "/stop", "");
            Await.until("the camera's stream ends with the lesson", 10, () -> {
                while (s.take(0, TimeUnit.MILLISECONDS) != null) {
                    // what came before the end
                }
                return s.ended();
            });
        }
        camera.destroy();
        assertTrue("a key frame first", took.get(0).packet().startsPicture());
        List<Took> video = took.stream().filter(t -> t.packet().video()).toList();
        List<Took> audio = took.stream().filter(t -> !t.packet().video()).toList();
        assertTrue("the camera's 25 pictures a second: " + video.size(), video.size() > 75);
        LivePacket sound = audio.get(0).packet();
        assertNotNull(sound);
        assertTrue("raw AAC, its ADTS header left out",
                (sound.data()[0] & 0xff) != 0xff || (sound.data()[1] & 0xf0) != 0xf0);
        double lessonSeconds = (video.get(video.size() - 1).packet().ptsMicros() - video.get(0).packet().ptsMicros()) / 1e6;
        double realSeconds = (video.get(video.size() - 1).nanos() - video.get(0).nanos()) / 1e9;
        assertEquals("the camera's clock runs in real time", realSeconds, lessonSeconds, 0.5);
    }

    /** Takes what comes for {@link #TAKEN_NANOS}. */
    private static List<Took> take(LiveSubscription s) throws InterruptedException {
        List<Took> took = new ArrayList<>();
        long until = System.nanoTime() + TAKEN_NANOS;
        while (System.nanoTime() < until) {
            LivePacket p = s.take(100, TimeUnit.MILLISECONDS);
            if (p != null) took.add(new Took(p, System.nanoTime()));
        }
        return took;
    }
}
