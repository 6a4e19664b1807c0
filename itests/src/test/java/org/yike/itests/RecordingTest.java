package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.recording.RecordingEvents;
import org.yike.media.MediaInfo;

/** A lesson recorded through the HTTP API, in the framework, read back by ffprobe. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecordingTest extends InYike {

    @Inject
    BundleContext context;

    @Test
    public void ffmpegNativesLoadInsideTheFramework() {
        assertTrue(media.ffmpegVersion(), media.ffmpegVersion().startsWith("8."));
        assertTrue(media.hasEncoder("libopenh264"));
        assertTrue(Files.isExecutable(media.ffprobe()));
        assertTrue("natives extracted under the configured cache, not ~/.javacpp",
                media.ffprobe().startsWith(System.getProperty("org.bytedeco.javacpp.cachedir")));
    }

    @Test
    public void tenSecondLessonIsH264AndAacInThreeProfiles() throws Exception {
        configureRecording(Map.of("width", 1280, "height", 720, "liveWidth", 854, "liveHeight", 480, "liveFps", 15));
        Api api = new Api().ready();
        assertEquals(200, api.get("devices").status());
        JsonNode classroom = api.awaitDevice("id", "virtual-101");
        assertNotNull("the default virtual classroom is listed", classroom);
        assertEquals("virtual", classroom.get("driver").asText());
        assertEquals("ONLINE", classroom.get("state").asText());
        assertEquals(4, classroom.get("sources").size());
        JsonNode teacher = classroom.get("sources").get(0);
        assertEquals("a test source's figures: its rate", 25.0, teacher.at("/figures/framesPerSecond").asDouble(), 0);
        assertEquals("uncompressed", 0, teacher.at("/figures/bitsPerSecond").asLong());
        assertTrue(teacher.toString(), teacher.at("/figures/measuredAt").isTextual());

        Api.Answer started = awaitStart(api, "{\"classroom\": \"101\", \"title\": \"Mathematics\"}");
        String id = started.body().get("id").asText();
        assertEquals(409, api.post("recordings", "{\"classroom\": \"101\"}").status());
        api.awaitRecorded(id, 10_000); // the lesson tested: 10 s
        Api.Answer stopped = api.post("recordings/" + id + "/stop", "");
        assertEquals(200, stopped.status());
        assertEquals("FINISHED", stopped.body().get("state").asText());

        JsonNode lesson = api.get("recordings/" + id).body();
        Path program = Path.of(lesson.get("files").get(0).get("path").asText());
        MediaInfo info = media.probe(program);
        MediaInfo.Stream video = info.video().orElseThrow();
        assertEquals("h264", video.codec());
        assertEquals(1280, video.width());
        assertEquals(720, video.height());
        assertEquals(25.0, video.frameRate(), 0.01);
        MediaInfo.Stream audio = info.audio().orElseThrow();
        assertEquals("aac", audio.codec());
        assertEquals(48000, audio.sampleRate());
        assertEquals("duration " + info.durationSeconds(), 10.0, info.durationSeconds(), 0.5);

        assertEquals("three program files, the metadata and the raw cameras' own three", 7, lesson.get("files").size());
        assertProgram(lesson.get("files").get(1), "live", 854, 480, 15);
        assertProgram(lesson.get("files").get(2), "mobile", 640, 360, 25);

        JsonNode metadata = new ObjectMapper().readTree(program.resolveSibling("lesson.json").toFile());
        assertEquals("Mathematics", metadata.get("title").asText());
        assertEquals("FINISHED", metadata.get("state").asText());
        assertEquals(4, metadata.get("sources").size());
        assertEquals("virtual-101/teacher", metadata.get("decisions").get(0).get("sources").get(0).asText());
        assertNotNull(metadata.get("ended"));
    }

    @Test
    public void mistakesAnswerWithReasonsAndTheRuntimeStaysUp() throws Exception {
        Api api = new Api().ready();
        Api.Answer unknown = api.post("recordings", "{\"classroom\": \"no-such-room\"}");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().get("error").asText().contains("no-such-room"));
        assertEquals(400, api.post("recordings", "{not json").status());
        assertEquals(404, api.get("recordings/nope").status());
        assertEquals(404, api.post("recordings/nope/stop", "").status());

        // a malformed device configuration: the device is listed offline with the reason
        org.osgi.service.cm.Configuration bad = configureClassroom(Map.of("id", "broken-cam", "classroom", "102",
                "width", 1921));
        JsonNode broken = api.awaitDevice("id", "broken-cam");
        assertNotNull("the misconfigured device is listed", broken);
        assertEquals("OFFLINE", broken.get("state").asText());
        assertTrue(broken.get("reason").asText(), broken.get("reason").asText().contains("width 1921"));
        assertEquals(200, api.get("status").status());
        // a configured classroom replaces the default one; removing it brings the default back
        bad.delete();
    }

    private void assertProgram(JsonNode file, String profile, int width, int height, double fps) throws Exception {
        assertEquals(profile, file.get("profile").asText());
        MediaInfo info = media.probe(Path.of(file.get("path").asText()));
        MediaInfo.Stream video = info.video().orElseThrow();
        assertEquals("h264", video.codec());
        assertEquals(profile + " width", width, video.width());
        assertEquals(profile + " height", height, video.height());
        assertEquals(profile + " fps", fps, video.frameRate(), 0.01);
        assertEquals("aac", info.audio().orElseThrow().codec());
        assertEquals(profile + " duration " + info.durationSeconds(), 10.0, info.durationSeconds(), 0.5);
    }

    @Test
    public void microphoneLevelsMuteAndEncoderFallback() throws Exception {
        BlockingQueue<Event> levels = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, RecordingEvents.AUDIO_LEVEL);
        context.registerService(EventHandler.class, levels::add, topic);
        configureRecording(with(SMALL_PROGRAM, "microphones", new String[] {"virtual-101/mic=mute"}, "backend", "nvenc"));

        Api api = new Api().ready();
        String id = awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, 3000); // the lesson tested: 3 s, its levels published meanwhile
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();

        Event level = levels.poll(1, TimeUnit.SECONDS);
        assertNotNull("levels are published while recording", level);
        assertEquals(List.of("virtual-101/mic"), level.getProperty("sources"));
        double loudest = SILENCE_DB;
        for (Event e = level; e != null; e = levels.poll()) {
            loudest = Math.max(loudest, (Double) e.getProperty("rmsDb"));
        }
        assertTrue("the microphone hears its tone, muted or not: " + loudest, loudest > -40);
        Path program = Path.of(lesson.get("files").get(0).get("path").asText());
        assertTrue("but the file is silent", rmsDb(program) < -90);

        boolean nvenc = context.getServiceReferences(EncoderBackend.class, null).stream()
                .map(context::getService).anyMatch(b -> b.id().equals("nvenc") && b.available());
        JsonNode used = new ObjectMapper().readTree(program.resolveSibling("lesson.json").toFile()).get("profiles").get(0);
        assertEquals("NVENC where there is one, else the fallback", nvenc ? "nvenc" : "openh264", used.get("backend").asText());
    }

    private static final double SILENCE_DB = -120;

    /** The decoded sound's RMS level in dBFS. */
    private static double rmsDb(Path file) throws Exception {
        double sum = 0;
        long n = 0;
        try (FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(file.toFile())) {
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.start();
            for (Frame f; (f = g.grabSamples()) != null;) {
                ShortBuffer s = (ShortBuffer) f.samples[0];
                while (s.hasRemaining()) {
                    double v = s.get();
                    sum += v * v;
                    n++;
                }
            }
        }
        return n == 0 || sum == 0 ? SILENCE_DB : 20 * Math.log10(Math.sqrt(sum / n) / 32768.0);
    }

    /** Starting waits for the virtual classroom to register (it may come up after the API). */
    static Api.Answer awaitStart(Api api, String body) throws Exception {
        return Await.until("a lesson started with " + body, 10, () -> api.post("recordings", body), a -> a.status() == 201);
    }
}
