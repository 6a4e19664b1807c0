package org.yike.driver.alsa.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.DeviceStatus.State;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.kit.driver.ComponentConfig;
import org.yike.kit.driver.LiveMicrophone;
import org.yike.media.MediaRuntime;

/**
 * The configuration checks, and the microphone read through FFmpeg's real ALSA input: a tone that
 * PulseAudio plays behind ALSA ({@link LiveMicrophone}) comes back at its frequency, in real time,
 * stamped with the wall clock; a card that is missing or held by another process is offline with that reason.
 */
public class AlsaMicrophoneTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private static MediaRuntime media;
    private static LiveMicrophone microphone;

    @BeforeClass
    public static void setUp() throws Exception {
        media = MediaRuntime.outsideFramework();
        microphone = LiveMicrophone.fromEnvironment(440);
        microphone.start();
    }

    @AfterClass
    public static void tearDown() {
        microphone.close();
    }

    static AlsaMicrophoneConfig config(Object... attributes) {
        Map<String, Object> values = new HashMap<>(Map.of("id", "mic1", "classroom", "301"));
        for (int i = 0; i < attributes.length; i += 2) values.put((String) attributes[i], attributes[i + 1]);
        return ComponentConfig.of(AlsaMicrophoneConfig.class, values);
    }

    @Test
    public void aCompleteConfigurationHasNoProblem() {
        assertNull(AlsaMicrophone.problem(config()));
        assertNull(AlsaMicrophone.problem(config("device", "plughw:CARD=C920,DEV=0", "role", "MICROPHONE",
                "sampleRate", 16000, "channels", 1)));
        assertNull(AlsaMicrophone.problem(config("device", "hw:1,0")));
    }

    @Test
    public void eachProblemIsSaidInWords() {
        assertEquals("role 'teacher' must be microphone", AlsaMicrophone.problem(config("role", "teacher")));
        assertEquals("device 'hw:1 0' must be an ALSA name such as default, hw:1,0 or plughw:CARD=USB,DEV=0",
                AlsaMicrophone.problem(config("device", "hw:1 0")));
        assertEquals("sample rate 0 Hz must be 8000..192000; channels 9 must be 1..8",
                AlsaMicrophone.problem(config("sampleRate", 0, "channels", 9)));
        assertEquals("id '' must be letters, digits, . _ -; classroom is empty",
                AlsaMicrophone.problem(config("id", "", "classroom", null)));
    }

    @Test
    public void theLocatorNamesFfmpegsAlsaInputWithRateAndChannels() {
        assertEquals(new StreamLocator("plughw:CARD=USB,DEV=0", "alsa", Map.of("sample_rate", "16000", "channels", "1")),
                AlsaMicrophone.locator(config("device", " plughw:CARD=USB,DEV=0 ", "sampleRate", 16000, "channels", 1)));
    }

    @Test
    public void theToneComesBackAtItsFrequencyInRealTimeAsTheRecordingEngineOpensIt() throws Exception {
        AlsaMicrophone mic = new AlsaMicrophone(config("device", LiveMicrophone.NAME, "name", "Desk"), media);
        try {
            assertEquals(new DeviceStatus(State.ONLINE, "pcm_s16le 48000 Hz, 2 channels"), await(mic, State.ONLINE, s -> true));
            Source s = mic.sources().get(0);
            assertEquals(Role.MICROPHONE, s.role());
            assertTrue(s.isAudio());
            assertEquals("mic1/mic", s.key());
            try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(s.locator().uri())) {
                // as the recording engine's AudioInput and SourceReader open a source
                g.setFormat(s.locator().format());
                g.setOptions(s.locator().options());
                g.setSampleRate(48000);
                g.setAudioChannels(2);
                g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
                g.start();
                // 3 s of sound; timed from the first second on, past what the source buffered at the start
                short[] left = new short[144_000];
                int n = 0;
                long start = 0;
                while (n < left.length) {
                    Frame f = g.grabSamples();
                    assertNotNull("the microphone ended", f);
                    ShortBuffer b = (ShortBuffer) f.samples[0];
                    for (int i = b.position(); i < b.limit() && n < left.length; i += 2) left[n++] = b.get(i);
                    if (start == 0 && n >= 48_000) start = System.nanoTime();
                }
                double took = (System.nanoTime() - start) / 1e9;
                assertEquals("Hz", 440, crossings(left), 3);
                assertEquals("two seconds of sound came in two seconds, paced by the source's clock (s)", 2, took, 0.25);
                // javacv's frame times count from the start; the stream's start is FFmpeg's own stamp
                assertEquals("FFmpeg's ALSA input stamps sound with the wall clock (s)",
                        System.currentTimeMillis() / 1000.0, g.getFormatContext().start_time() / 1e6, 10);
            }
        } finally {
            mic.deactivate();
        }
    }

    @Test
    public void aCardThatIsNotThereIsOfflineSoAsOneThatAnotherProcessHolds() throws Exception {
        Path proc = folder.getRoot().toPath();
        AlsaMicrophone mic = new AlsaMicrophone(config("device", "hw:1,0"), media, proc);
        try {
            assertEquals(DeviceStatus.offline("no sound card 1 (unplugged?)"), await(mic, State.OFFLINE, r -> true));
            // plugged in, held by another program: the kernel's list says who, FFmpeg cannot open it
            Path status = Files.createDirectories(proc.resolve("asound/card1/pcm0c/sub0")).resolve("status");
            Files.writeString(status, "state: RUNNING\nowner_pid   : 4242\ntrigger_time: 1795641182.077947\n");
            assertEquals(DeviceStatus.offline("hw:1,0 is held by process 4242"),
                    await(mic, State.OFFLINE, r -> r.contains("held")));
            Files.writeString(status, "closed\n");
            String reason = await(mic, State.OFFLINE, r -> r.startsWith("cannot open")).reason();
            assertEquals("cannot open ALSA device 'hw:1,0' (FFmpeg: Input/output error); arecord -L lists the names there are",
                    reason);
        } finally {
            mic.deactivate();
        }
    }

    /** Frequency from the upward zero crossings of 48 kHz samples. */
    private static double crossings(short[] s) {
        int up = 0;
        for (int i = 1; i < s.length; i++) if (s[i - 1] < 0 && s[i] >= 0) up++;
        return up * 48000.0 / s.length;
    }

    private static DeviceStatus await(AlsaMicrophone mic, State state, Predicate<String> reason) throws Exception {
        long deadline = System.currentTimeMillis() + 8000;
        while (mic.status().state() != state || !reason.test(mic.status().reason())) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("still " + mic.status());
            Thread.sleep(50);
        }
        return mic.status();
    }
}
