package org.yike.api.director;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.yike.api.device.ClassroomEvent;

/**
 * The directing of one lesson; stateful, called from one thread. Times are milliseconds since the
 * lesson started. A method returns a decision only when the shot changes.
 */
@ConsumerType
public interface Director {

    /** The opening shot. */
    ProgramDecision start();

    /** Something happened in the classroom; a strategy that events change nothing (timed, operated) ignores it. */
    default Optional<ProgramDecision> onEvent(ClassroomEvent event, long atMillis) {
        return Optional.empty();
    }

    /**
     * Called several times a second, so holds and timers can end without an event; a strategy
     * without either ignores it.
     */
    default Optional<ProgramDecision> onTick(long atMillis) {
        return Optional.empty();
    }

    /**
     * An operator asks for this shot (layout, sources, framing; its time and cause are the
     * operator's). A strategy that takes orders answers with it; the automatic ones ignore it.
     */
    default Optional<ProgramDecision> onCommand(ProgramDecision wanted, long atMillis) {
        return Optional.empty();
    }
}
