package org.yike.recording.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** The mixer at 1000 frames a second, mono: sample frame f of the lesson is its millisecond f. */
public class MixerTest {

    private static final long MS = 1_000_000;

    private final List<Mixer.Arrival> roomMic = new ArrayList<>();
    private final List<Mixer.Arrival> teacherMic = new ArrayList<>();
    private final Map<String, Double> gains = new HashMap<>(Map.of("room", 1.0, "teacher", 0.5));
    private final Mixer mixer = new Mixer(1000, 1, gains::get);

    {
        mixer.add("room", () -> drain(roomMic));
        mixer.add("teacher", () -> drain(teacherMic));
    }

    private static List<Mixer.Arrival> drain(List<Mixer.Arrival> arrived) {
        List<Mixer.Arrival> taken = new ArrayList<>(arrived);
        arrived.clear();
        return taken;
    }

    /** Sound that arrived at millisecond {@code ms}. */
    private static Mixer.Arrival at(long ms, short... samples) {
        return new Mixer.Arrival(ms * MS, false, samples);
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
    public void soundThatComesAfterAStallKeepsItsPlace() {
        roomMic.add(at(0, tone(10, 1)));
        assertArrayEquals(tone(10, 1), mixer.mix(10));
        // the reader stalls: 10 to 20 are mixed without it, then 10 to 30 come at once
        assertArrayEquals(tone(10, 0), mixer.mix(10));
        roomMic.add(at(30, tone(10, 2)));
        roomMic.add(at(30, tone(10, 3)));
        assertArrayEquals("what was due while it stalled is gone; what follows is on time", tone(10, 3), mixer.mix(10));
        roomMic.add(at(40, tone(10, 4)));
        assertArrayEquals(tone(10, 4), mixer.mix(10));
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
        roomMic.add(new Mixer.Arrival(25 * MS, true, tone(5, 2)));
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
