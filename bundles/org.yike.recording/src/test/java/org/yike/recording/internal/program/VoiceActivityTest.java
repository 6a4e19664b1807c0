package org.yike.recording.internal.program;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;
import org.yike.api.device.ClassroomEvent;

public class VoiceActivityTest {

    private final VoiceActivity voices = new VoiceActivity("101", -40, 1000);

    @Test
    public void speechStartsAtOnceAndEndsAfterAQuietWhile() {
        assertEquals(List.of(), heard(-60, 0));
        assertEquals(List.of("MICROPHONE_ACTIVE dev/mic1"), heard(-20, 200));
        assertEquals("still speaking: nothing new", List.of(), heard(-25, 400));
        assertEquals("a pause between words", List.of(), heard(-60, 600));
        assertEquals(List.of(), heard(-22, 800));
        assertEquals(List.of(), heard(-60, 1000));
        assertEquals("quiet for a second since last heard", List.of("MICROPHONE_QUIET dev/mic1"), heard(-60, 1800));
        assertEquals(List.of(), heard(-60, 3000));
    }

    private List<String> heard(double db, long at) {
        return voices.update(List.of(new Mixer.Level("dev/mic1", db, db + 3)), at).stream()
                .map(e -> e.type() + " " + e.deviceId() + "/" + e.sourceId()).toList();
    }

    @Test
    public void eachMicrophoneOnItsOwn() {
        List<ClassroomEvent> events = voices.update(List.of(new Mixer.Level("a/m", -10, -5), new Mixer.Level("b/m", -70, -60)), 0);
        assertEquals(1, events.size());
        assertEquals("101", events.get(0).classroom());
        assertEquals("a", events.get(0).deviceId());
    }
}
