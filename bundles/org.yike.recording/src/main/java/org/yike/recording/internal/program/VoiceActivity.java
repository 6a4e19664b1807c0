package org.yike.recording.internal.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yike.api.device.ClassroomEvent;

/**
 * Turns microphone levels into "someone speaks into this microphone" and "it has been quiet for a
 * while", for directors that follow the voice. Speech is a level at or above {@code speechDb};
 * quiet is a level below it for {@code quietMillis}, so pauses between words do not count.
 */
public final class VoiceActivity {

    private final String classroom;
    private final double speechDb;
    private final long quietMillis;
    /** When each speaking microphone was last heard; a quiet one is absent. */
    private final Map<String, Long> lastHeard = new HashMap<>();

    public VoiceActivity(String classroom, double speechDb, long quietMillis) {
        this.classroom = classroom;
        this.speechDb = speechDb;
        this.quietMillis = quietMillis;
    }

    /** The microphones that started speaking or fell quiet with these levels. */
    public List<ClassroomEvent> update(List<Mixer.Level> levels, long atMillis) {
        List<ClassroomEvent> changes = new ArrayList<>();
        for (Mixer.Level level : levels) {
            String key = level.source();
            if (level.rmsDb() >= speechDb) {
                if (lastHeard.put(key, atMillis) == null) changes.add(event(ClassroomEvent.Type.MICROPHONE_ACTIVE, key));
            } else {
                Long heard = lastHeard.get(key);
                if (heard != null && atMillis - heard >= quietMillis) {
                    lastHeard.remove(key);
                    changes.add(event(ClassroomEvent.Type.MICROPHONE_QUIET, key));
                }
            }
        }
        return changes;
    }

    private ClassroomEvent event(ClassroomEvent.Type type, String sourceKey) {
        int slash = sourceKey.indexOf('/');
        return new ClassroomEvent(type, classroom, sourceKey.substring(0, slash), sourceKey.substring(slash + 1), null,
                null, null);
    }
}
