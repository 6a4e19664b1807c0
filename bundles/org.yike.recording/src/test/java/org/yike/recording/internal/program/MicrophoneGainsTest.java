package org.yike.recording.internal.program;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

public class MicrophoneGainsTest {

    @Test
    public void decibelsMuteAndMistakes() {
        Map<String, Double> gains = MicrophoneGains.parse(new String[] {"room/mic=-6", "cam2/mic = mute",
                "teacher/mic=loud", "=3", "board/mic=+6"});
        assertEquals(0.501, gains.get("room/mic"), 0.001);
        assertEquals(0.0, gains.get("cam2/mic"), 0);
        assertEquals(1.995, gains.get("board/mic"), 0.001);
        assertEquals("the unreadable ones are left out", 3, gains.size());
    }
}
