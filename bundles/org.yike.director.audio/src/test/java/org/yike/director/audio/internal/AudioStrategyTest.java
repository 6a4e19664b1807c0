package org.yike.director.audio.internal;

import static org.junit.Assert.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.yike.kit.director.Scenario;

public class AudioStrategyTest {

    @Test
    public void aMicrophoneLineWithoutACameraIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AudioStrategy(
                Scenario.configuration(AudioConfig.class, Map.of("microphones", List.of("desk/mic1=cam/teacher", "desk/mic2=")))));
    }
}
