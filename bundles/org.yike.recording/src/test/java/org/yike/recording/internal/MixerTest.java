package org.yike.recording.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class MixerTest {

    private final List<short[]> roomMic = new ArrayList<>();
    private final List<short[]> teacherMic = new ArrayList<>();
    private final Map<String, Double> gains = new java.util.HashMap<>(Map.of("room", 1.0, "teacher", 0.5));
    private final Mixer mixer = new Mixer(48000, 1, gains::get);

    {
        mixer.add("room", () -> drain(roomMic));
        mixer.add("teacher", () -> drain(teacherMic));
    }

    private static List<short[]> drain(List<short[]> arrived) {
        List<short[]> taken = new ArrayList<>(arrived);
        arrived.clear();
        return taken;
    }

    @Test
    public void addsMicrophonesWithTheirGains() {
        roomMic.add(new short[] {100, 200, 300, 400});
        teacherMic.add(new short[] {1000, 1000, 1000, 1000});
        assertArrayEquals(new short[] {600, 700}, mixer.mix(2));
        assertArrayEquals("what was not yet mixed stays", new short[] {800, 900}, mixer.mix(2));
    }

    @Test
    public void aLateOrLostMicrophoneAddsSilenceAndMuteIsZeroGain() {
        roomMic.add(new short[] {100, 100});
        gains.put("teacher", 0.0);
        teacherMic.add(new short[] {5000, 5000, 5000});
        assertArrayEquals(new short[] {100, 100, 0}, mixer.mix(3));
    }

    @Test
    public void loudSoundIsClippedNotWrapped() {
        gains.put("teacher", 1.0);
        roomMic.add(new short[] {30000});
        teacherMic.add(new short[] {30000});
        assertArrayEquals(new short[] {Short.MAX_VALUE}, mixer.mix(1));
    }

    @Test
    public void levelsAreWhatEachMicrophoneHeard() {
        roomMic.add(new short[] {16384, -16384});
        mixer.mix(2);
        List<Mixer.Level> levels = mixer.levels();
        assertEquals("room", levels.get(0).source());
        assertEquals(-6.02, levels.get(0).rmsDb(), 0.01);
        assertEquals(-6.02, levels.get(0).peakDb(), 0.01);
        assertEquals("the silent one", Mixer.SILENCE_DB, levels.get(1).peakDb(), 0);
        assertEquals("reset after reading", Mixer.SILENCE_DB, mixer.levels().get(0).rmsDb(), 0);
    }
}
