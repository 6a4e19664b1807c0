package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The local device drivers in Yike: their forms in {@code GET /api/drivers}, a camera whose node is
 * missing listed offline with the reason, and a lesson that records a local microphone. No sound
 * card is needed: the microphone is a PulseAudio tone reached through ALSA's pulse plugin, in the
 * ALSA configuration this module's surefire run names in {@code ALSA_CONFIG_PATH}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LocalDevicesTest extends InYike {

    private static final int TONE_HZ = 1000;
    private Process pulseaudio;
    private Path pulseFolder;

    @Test
    public void driversDescribeTheirConfigurationForForms() throws Exception {
        Api api = new Api().ready();
        JsonNode v4l2 = driver(api.get("drivers").body(), "v4l2");
        assertEquals("org.yike.driver.v4l2.camera", v4l2.get("factoryPid").asText());
        Map<String, JsonNode> camera = attributes(v4l2);
        assertEquals("/dev/video0", camera.get("device").get("default").asText());
        assertEquals(List.of("mjpeg", "yuyv422", "h264"), camera.get("inputFormat").get("options").findValuesAsText("value"));
        assertEquals("integer", camera.get("framerate").get("type").asText());

        JsonNode alsa = driver(api.get("drivers").body(), "alsa");
        assertEquals("org.yike.driver.alsa.microphone", alsa.get("factoryPid").asText());
        Map<String, JsonNode> microphone = attributes(alsa);
        assertEquals(List.of("microphone"), microphone.get("role").get("options").findValuesAsText("value"));
        assertEquals("default", microphone.get("device").get("default").asText());

        JsonNode chinese = api.get("drivers", "Accept-Language", "zh-CN").body();
        assertEquals("本地摄像机", driver(chinese, "v4l2").get("configuration").get("name").asText());
        assertEquals("本地麦克风", driver(chinese, "alsa").get("configuration").get("name").asText());
    }

    @Test
    public void aCameraWithoutItsNodeIsListedOfflineWithTheReason() throws Exception {
        Api api = new Api().ready();
        Api.Answer added = api.post("devices", """
                {"driver": "v4l2", "name": "Blackboard camera", "classroom": "101", "role": "blackboard",
                 "config": {"device": "/dev/v4l/by-id/usb-Nowhere-video-index0", "videoSize": "1920x1080"}}""");
        assertEquals(added.body().toString(), 201, added.status());
        JsonNode camera = api.awaitState("blackboard-camera", "OFFLINE", 10_000);
        assertEquals("no device at /dev/v4l/by-id/usb-Nowhere-video-index0 (unplugged, or another path names it now)",
                camera.get("reason").asText());
        assertEquals("/dev/v4l/by-id/usb-Nowhere-video-index0", camera.get("sources").get(0).get("uri").asText());
    }

    @Test
    public void aLessonRecordsTheSoundOfALocalMicrophone() throws Exception {
        startMicrophone();
        // the virtual classroom's own microphone (440 Hz) muted: what the program holds is the local one's
        configureRecording(with(SMALL_PROGRAM, "microphones", new String[] {"virtual-101/mic=mute"}));
        Api api = new Api().ready();
        Api.Answer added = api.post("devices", """
                {"driver": "alsa", "name": "Desk microphone", "classroom": "101", "role": "microphone",
                 "config": {"device": "yike_tone", "checkSeconds": 1}}""");
        assertEquals(added.body().toString(), 201, added.status());
        JsonNode mic = api.awaitState("desk-microphone", "ONLINE", 10_000);
        assertEquals("MICROPHONE", mic.get("sources").get(0).get("role").asText());

        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\"}").body().get("id").asText();
        api.awaitRecorded(id, 6000); // the lesson tested: 6 s
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        Path program = Path.of(lesson.get("files").get(0).get("path").asText());

        // the strongest pitch of that second: on a loaded machine the mixer may fill a late
        // microphone's moments with silence, which smears the spectrum but leaves its peak in place
        short[] heard = secondBeforeLast(program);
        double sum = 0;
        for (short s : heard) sum += (double) s * s;
        double level = 20 * Math.log10(Math.sqrt(sum / heard.length) / 32768.0);
        assertTrue("the program's second before the last sounds: " + level + " dBFS", level > -40);
        // 5 Hz steps around both microphones' tones: the muted virtual microphone's would be 440 Hz
        assertEquals("the program's sound is the local microphone's tone", TONE_HZ, strongestPitch(heard, 300, 2000, 5), 10);
    }

    /** The frequency in [from, to] where the sound's energy is greatest, by Goertzel's filter per step. */
    private static double strongestPitch(short[] sound, int from, int to, int step) {
        double best = 0;
        int bestHz = from;
        for (int hz = from; hz <= to; hz += step) {
            double coefficient = 2 * Math.cos(2 * Math.PI * hz / 48000.0), s1 = 0, s2 = 0;
            for (short x : sound) {
                double s0 = x + coefficient * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
            if (power > best) {
                best = power;
                bestHz = hz;
            }
        }
        return bestHz;
    }

    /**
     * A PulseAudio server of this test's own that plays the tone as its source {@code tone}, and
     * the ALSA capture device {@code yike_tone} that reaches it through ALSA's pulse plugin, written
     * where ALSA_CONFIG_PATH points (as the kit's LiveMicrophone does for driver tests). The server's
     * socket and files are in a short temporary folder, whatever the checkout's path: a UNIX socket's
     * path has at most 107 bytes.
     */
    private void startMicrophone() throws Exception {
        String configPath = System.getenv("ALSA_CONFIG_PATH");
        assertNotNull("run through Maven: surefire sets ALSA_CONFIG_PATH (itests/pom.xml)", configPath);
        Path config = Path.of(configPath);
        Path log = Files.createDirectories(config.getParent()).resolve("pulseaudio.log");
        pulseFolder = Files.createTempDirectory("yike-pulse");
        Path socket = pulseFolder.resolve("pulse.sock");
        Files.writeString(config, """
                pcm.yike_tone {
                    type pulse
                    server "unix:%s"
                    device "tone"
                }
                """.formatted(socket));
        ProcessBuilder b = new ProcessBuilder("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--use-pid-file=no", "--disable-shm=yes", "--log-target=stderr", "--log-level=error",
                "-L", "module-native-protocol-unix auth-anonymous=1 socket=" + socket,
                "-L", "module-sine-source source_name=tone rate=48000 frequency=" + TONE_HZ)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("PULSE_RUNTIME_PATH", pulseFolder.resolve("pulse-runtime").toString());
        b.environment().put("PULSE_STATE_PATH", pulseFolder.resolve("pulse-state").toString());
        pulseaudio = b.start();
        Await.until("pulseaudio listens at " + socket + " (./yike deps installs it; its log: " + log + ")", 10, () -> {
            assertTrue("pulseaudio ended: " + Files.readString(log), pulseaudio.isAlive());
            return Files.exists(socket);
        });
    }

    @After
    public void stopMicrophone() throws Exception {
        if (pulseaudio == null) return;
        pulseaudio.destroy();
        pulseaudio.waitFor();
        try (Stream<Path> files = Files.walk(pulseFolder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }

    /**
     * The second before the last of a file's sound, mono 48 kHz: the microphone's sound comes a few
     * tenths of a second after it was heard (its buffers), so the lesson's last moments are silent.
     */
    private static short[] secondBeforeLast(Path file) throws Exception {
        List<short[]> chunks = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.setSampleRate(48000);
            g.setAudioChannels(1);
            g.start();
            for (Frame f; (f = g.grabSamples()) != null;) {
                ShortBuffer s = (ShortBuffer) f.samples[0];
                short[] c = new short[s.remaining()];
                s.get(c);
                chunks.add(c);
            }
        }
        short[] all = new short[chunks.stream().mapToInt(c -> c.length).sum()];
        int at = 0;
        for (short[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        assertTrue("two seconds of sound at least: " + all.length, all.length > 2 * 48000);
        short[] second = new short[48000];
        System.arraycopy(all, all.length - 2 * 48000, second, 0, 48000);
        return second;
    }

    private static JsonNode driver(JsonNode drivers, String id) {
        for (JsonNode d : drivers) if (d.get("id").asText().equals(id)) return d;
        throw new AssertionError("no driver " + id + " in " + drivers);
    }

    private static Map<String, JsonNode> attributes(JsonNode driver) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode a : driver.get("configuration").get("attributes")) byId.put(a.get("id").asText(), a);
        return byId;
    }
}
