package org.yike.recording.internal.program;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yike.recording.internal.input.AudioInput.Arrival;

/** The mixer at 1000 frames a second, mono: sample frame f of the lesson is its millisecond f. */
public class MixerTest {

    private static final long MS = 1_000_000;

    private final List<Arrival> roomMic = new ArrayList<>();
    private final List<Arrival> teacherMic = new ArrayList<>();
    private final Map<String, Double> gains = new HashMap<>(Map.of("room", 1.0, "teacher", 0.5));
    private final Mixer mixer = new Mixer(1000, 1, gains::get);

    {
        mixer.add("room", () -> drain(roomMic));
        mixer.add("teacher", () -> drain(teacherMic));
    }

    private static List<Arrival> drain(List<Arrival> arrived) {
        List<Arrival> taken = new ArrayList<>(arrived);
        arrived.clear();
        return taken;
    }

    /** Sound that arrived at millisecond {@code ms}. */
    private static Arrival at(long ms, short... samples) {
        return new Arrival(ms * MS, false, samples);
    }

    private static short[] tone(int frames, int value) {
        short[] s = new short[frames];
        Arrays.fill(s, (short) value);
        return s;
    }

    @Test
    public void addsMicrophonesWithTheirGains() {
        roomMic.add(at(0, (short) 100, (short) 200, (short) 300, (short) 400));
        teacherMic.add(at(0, (short) 1000, (short) 1000, (short) 1000, (short) 1000));
        assertArrayEquals(new short[] {600, 700}, mixer.mix(2));
        assertArrayEquals("what was not yet mixed stays", new short[] {800, 900}, mixer.mix(2));
    }

    @Test
    public void aLateOrLostMicrophoneAddsSilenceAndMuteIsZeroGain() {
        roomMic.add(at(0, (short) 100, (short) 100));
        gains.put("teacher", 0.0);
        teacherMic.add(at(0, (short) 5000, (short) 5000, (short) 5000));
        assertArrayEquals(new short[] {100, 100, 0}, mixer.mix(3));
    }

    @Test
    public void soundBeginsWhereItArrived() {
        roomMic.add(at(3, (short) 1, (short) 2));
        assertArrayEquals(new short[] {0, 0, 0, 1, 2, 0}, mixer.mix(6));
    }

    @Test
    public void soundAfterAStallIsPlayedLateUntilAWatchWithTimeToSpare() {
        // 10 ms of sound every 10 ms, its value the chunk's number, mixed 100 ms behind; the reader
        // stalls from 500 to 800 ms and then delivers those 300 ms at once
        short[] heard = new short[5200];
        for (int t = 0, mixedTo = 0; t < 5300; t += 10) {
            if (t < 500 || t >= 800) {
                for (int chunk = t < 800 || t > 800 ? t / 10 : 50; chunk <= t / 10; chunk++) {
                    roomMic.add(new Arrival(t * MS, false, tone(10, chunk + 1)));
                }
            }
            if (t >= 100) {
                System.arraycopy(mixer.mix(10), 0, heard, mixedTo, 10);
                mixedTo += 10;
            }
        }
        assertEquals("before the stall, on time", 41, heard[400]);
        assertEquals("what the stall held back is played 200 ms late, not lost", 51, heard[700]);
        assertEquals(81, heard[1000]);
        assertEquals("still late within the watch that saw the stall", 181, heard[2000]);
        for (int f = 0; f < 4000; f++) {
            // 500 to 700 were mixed while the reader stalled: silence, the one gap
            assertEquals("at " + f, f < 500 ? f / 10 + 1 : f < 700 ? 0 : (f - 200) / 10 + 1, heard[f]);
        }
        assertEquals("the next whole watch had time to spare: on time again", 501, heard[5000]);
    }

    @Test
    public void aDeviceThatDeliversInBurstsIsHeardWhole() {
        // half a second of sound at a time, every half second (PulseAudio's ALSA plugin on a busy machine), mixed 100 ms behind
        short[] heard = new short[6000];
        for (int t = 0, mixedTo = 0; t < 6100; t += 10) {
            if (t > 0 && t % 500 == 0) {
                for (int chunk = t / 10 - 50; chunk < t / 10; chunk++) roomMic.add(new Arrival(t * MS, false, tone(10, chunk + 1)));
            }
            if (t >= 100) {
                System.arraycopy(mixer.mix(10), 0, heard, mixedTo, 10);
                mixedTo += 10;
            }
        }
        int from = 0;
        while (heard[from] == 0) from++;
        assertEquals("the first burst plays from its first chunk", 1, heard[from]);
        for (int f = from; f + 10 < heard.length; f += 10) {
            assertEquals("every chunk in turn, no gap, at " + f, heard[f] + 1, heard[f + 10]);
        }
    }

    @Test
    public void aBurstIsPlacedByItsLastArrival() {
        // a connection's first reads return what its buffers held: heard one after the other, given at once
        roomMic.add(at(60, tone(30, 1)));
        roomMic.add(at(60, tone(30, 2)));
        roomMic.add(at(60, tone(30, 3)));
        short[] heard = mixer.mix(90);
        assertArrayEquals(tone(30, 1), Arrays.copyOfRange(heard, 0, 30));
        assertArrayEquals(tone(30, 2), Arrays.copyOfRange(heard, 30, 60));
        assertArrayEquals(tone(30, 3), Arrays.copyOfRange(heard, 60, 90));
    }

    @Test
    public void aNewConnectionIsPlacedByItsArrival() {
        roomMic.add(at(0, tone(10, 1)));
        assertArrayEquals(tone(10, 1), mixer.mix(10));
        assertArrayEquals(tone(10, 0), mixer.mix(10));
        roomMic.add(new Arrival(25 * MS, true, tone(5, 2)));
        short[] heard = mixer.mix(10);
        assertArrayEquals("reconnected: heard from 25, not right after what came before",
                new short[] {0, 0, 0, 0, 0, 2, 2, 2, 2, 2}, heard);
    }

    @Test
    public void soundLostOnTheWayMovesWhatFollowsToItsArrival() {
        // 100 ms of sound every 100 ms, then an overrun loses 200 ms: arrivals come 200 ms later than counted
        for (int ms = 0; ms < 1000; ms += 100) roomMic.add(at(ms, tone(100, 1)));
        mixer.mix(1000);
        for (int ms = 1200; ms < 4400; ms += 100) roomMic.add(at(ms, tone(100, 2)));
        roomMic.add(at(4400, tone(100, 3)));
        mixer.mix(3000);
        short[] heard = mixer.mix(500);
        assertEquals("a watch saw every arrival late: 200 ms of silence where sound was lost", 0, heard[50]);
        assertEquals("what follows is placed when it came", 2, heard[150]);
        assertEquals(3, heard[450]);
    }

    @Test
    public void loudSoundIsClippedNotWrapped() {
        gains.put("teacher", 1.0);
        roomMic.add(at(0, (short) 30000));
        teacherMic.add(at(0, (short) 30000));
        assertArrayEquals(new short[] {Short.MAX_VALUE}, mixer.mix(1));
    }

    @Test
    public void levelsAreWhatEachMicrophoneHeard() {
        roomMic.add(at(0, (short) 16384, (short) -16384));
        mixer.mix(2);
        List<Mixer.Level> levels = mixer.levels();
        assertEquals("room", levels.get(0).source());
        assertEquals(-6.02, levels.get(0).rmsDb(), 0.01);
        assertEquals(-6.02, levels.get(0).peakDb(), 0.01);
        assertEquals("the silent one", Mixer.SILENCE_DB, levels.get(1).peakDb(), 0);
        assertEquals("reset after reading", Mixer.SILENCE_DB, mixer.levels().get(0).rmsDb(), 0);
    }
}
