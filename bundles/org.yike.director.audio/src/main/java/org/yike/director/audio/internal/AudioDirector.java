package org.yike.director.audio.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Role;
import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;
import org.yike.director.support.ShotRules;

/**
 * Shows the camera mapped to the microphone that became active last among those still speaking
 * or quiet for less than the hold, else the default shot; an unmapped microphone shows the default
 * shot too. Every wish goes through {@link ShotRules}.
 */
final class AudioDirector implements Director {

    private static final Logger LOG = LoggerFactory.getLogger(AudioDirector.class);

    private static final class Microphone {
        long activeAt;
        boolean speaking;
        long quietAt;
    }

    private final ShotRules rules;
    private final String defaultShot;
    private final Map<String, String> cameras = new HashMap<>();
    private final Map<String, Microphone> microphones = new HashMap<>();

    AudioDirector(String classroom, List<ProgramSource> sources, Map<String, String> mapping, AudioConfig config) {
        this.rules = new ShotRules(config.minShotMillis(), config.holdMillis());
        this.defaultShot = source(sources, config.defaultShot())
                .or(() -> ProgramSource.first(sources, Role.TEACHER_CLOSEUP, Role.TEACHER_WIDE).map(ProgramSource::key))
                .orElse(sources.get(0).key());
        mapping.forEach((microphone, target) -> source(sources, target).ifPresentOrElse(key -> cameras.put(microphone, key),
                () -> LOG.warn("Classroom {} has no source {} for microphone {}; it shows the default shot", classroom, target, microphone)));
    }

    /** A source key of this lesson, or the first source with the role so named. */
    private static Optional<String> source(List<ProgramSource> sources, String target) {
        for (ProgramSource s : sources) {
            if (s.key().equals(target)) return Optional.of(target);
        }
        for (Role role : Role.values()) {
            if (role.name().equals(target)) return ProgramSource.first(sources, role).map(ProgramSource::key);
        }
        return Optional.empty();
    }

    @Override
    public ProgramDecision start() {
        return rules.open(ProgramDecision.full(0, defaultShot, "lesson started"));
    }

    @Override
    public Optional<ProgramDecision> onEvent(ClassroomEvent event, long at) {
        if (event.deviceId() != null && event.sourceId() != null) {
            String key = event.deviceId() + "/" + event.sourceId();
            switch (event.type()) {
                case MICROPHONE_ACTIVE -> {
                    Microphone m = microphones.computeIfAbsent(key, k -> new Microphone());
                    m.activeAt = at;
                    m.speaking = true;
                }
                case MICROPHONE_QUIET -> {
                    Microphone m = microphones.get(key);
                    if (m != null && m.speaking) {
                        m.speaking = false;
                        m.quietAt = at;
                    }
                }
                default -> {
                }
            }
        }
        return rules.want(wanted(at), at);
    }

    @Override
    public Optional<ProgramDecision> onTick(long at) {
        return rules.want(wanted(at), at);
    }

    private ProgramDecision wanted(long at) {
        String speaker = null;
        long latest = Long.MIN_VALUE;
        for (Map.Entry<String, Microphone> e : microphones.entrySet()) {
            Microphone m = e.getValue();
            if ((m.speaking || rules.held(m.quietAt, at)) && m.activeAt > latest) {
                speaker = e.getKey();
                latest = m.activeAt;
            }
        }
        if (speaker == null) return ProgramDecision.full(at, defaultShot, "nobody speaking");
        return ProgramDecision.full(at, cameras.getOrDefault(speaker, defaultShot), "speaking: " + speaker);
    }
}
