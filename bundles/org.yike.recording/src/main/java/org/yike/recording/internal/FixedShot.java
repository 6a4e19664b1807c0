package org.yike.recording.internal;

import java.util.Optional;

import org.yike.api.device.ClassroomEvent;
import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;

/** The director of last resort, when the configured strategy is not installed: one shot throughout. */
final class FixedShot implements Director {

    private final String source;

    FixedShot(String source) {
        this.source = source;
    }

    @Override
    public ProgramDecision start() {
        return ProgramDecision.full(0, source, "no director installed");
    }

    @Override
    public Optional<ProgramDecision> onEvent(ClassroomEvent event, long atMillis) {
        return Optional.empty();
    }

    @Override
    public Optional<ProgramDecision> onTick(long atMillis) {
        return Optional.empty();
    }
}
