package org.yike.driver.virtual.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.ShortBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Test;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.kit.driver.ComponentConfig;

/** The scripted conversation: read, refused with reasons, and heard on the two microphones as real decoded sound. */
public class SpeechTest {

    @Test
    public void aScriptReadsAsTurns() {
        assertEquals(List.of(new Speech.Turn('T', 20), new Speech.Turn('S', 10), new Speech.Turn('-', 5)),
                Speech.parse(" T 20,S  10 , - 5").turns());
        assertFalse(Speech.parse("").scripted());
        assertNull("no script: the microphone sounds throughout", Speech.parse(" ").gate(Speech.TEACHER));
        assertEquals("0", Speech.parse("T 5").gate(Speech.STUDENT));
    }

    @Test
    public void aScriptThatDoesNotReadIsExplained() {
        for (String bad : List.of("T", "X 10", "T 0", "T 10 S 10", "T -3", "T 10,")) {
            String p = VirtualClassroom.problem(ComponentConfig.of(VirtualClassroomConfig.class, Map.of("speech", bad)));
            assertTrue(bad + ": " + p, p != null && p.contains("speech"));
        }
    }

    @Test
    public void onlyAScriptAddsTheStudentMicrophone() throws Exception {
        assertEquals(List.of("teacher", "student", "courseware", "mic"), ids(Map.of()));
        assertEquals(List.of("teacher", "student", "courseware", "mic", "student-mic"), ids(Map.of("speech", "T 20, S 10")));
    }

    /** The sources of a classroom so configured; nothing scripted happens in it, so it posts no event. */
    private static List<String> ids(Map<String, Object> config) throws InterruptedException {
        Map<String, Object> quiet = new HashMap<>(config);
        quiet.put("studentStandsEverySeconds", 0);
        quiet.put("coursewareChangesEverySeconds", 0);
        VirtualClassroom room = new VirtualClassroom(ComponentConfig.of(VirtualClassroomConfig.class, quiet), null, 1);
        try {
            List<Source> sources = room.sources();
            assertTrue(sources.stream().filter(s -> s.role() == Role.MICROPHONE).allMatch(Source::isAudio));
            return sources.stream().map(Source::id).toList();
        } finally {
            room.deactivate();
        }
    }

    /**
     * Ten times faster than real time, "T 2, S 1, - 1" twice over: each microphone's level in each half second
     * of its sound, loud (#) or silent (.).
     */
    @Test
    public void theTeacherSoundsInTTurnsAndTheStudentInSTurns() throws Exception {
        TestPattern pattern = new TestPattern(320, 180, 25, null, 10, false);
        Speech speech = Speech.parse("T 2, S 1, - 1");
        assertEquals("####....####....", levels(pattern.microphone(440, speech.gate(Speech.TEACHER)), 8));
        assertEquals("....##......##..", levels(pattern.microphone(330, speech.gate(Speech.STUDENT)), 8));
    }

    /**
     * The first {@code seconds} of the sound, a character per half second: # where the middle of that half second
     * (by the frames' own times, so that a frame lost while the grabber starts moves nothing) is above -40 dBFS.
     */
    private static String levels(StreamLocator microphone, int seconds) throws Exception {
        char[] levels = new char[seconds * 2];
        double[] sums = new double[levels.length];
        int[] counts = new int[levels.length];
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(microphone.uri())) {
            g.setFormat(microphone.format());
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.start();
            for (Frame f; (f = g.grabSamples()) != null && f.timestamp < seconds * 1_000_000L;) {
                int half = (int) (f.timestamp / 500_000);
                long into = f.timestamp % 500_000;
                if (into < 150_000 || into > 350_000) continue;
                ShortBuffer samples = (ShortBuffer) f.samples[0];
                for (int i = samples.position(); i < samples.limit(); i++) {
                    double v = samples.get(i) / 32768.0;
                    sums[half] += v * v;
                    counts[half]++;
                }
            }
        }
        for (int i = 0; i < levels.length; i++) {
            levels[i] = counts[i] > 0 && 10 * Math.log10(sums[i] / counts[i] + 1e-12) > -40 ? '#' : '.';
        }
        return new String(levels);
    }
}
