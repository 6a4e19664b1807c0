package org.yike.recording.internal.program;

import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;

/**
 * The director of last resort, while the classroom's strategy is not installed (or failed): one
 * shot, held.
 */
public final class FixedShot implements Director {

    /** What a lesson directed so names its strategy. */
    public static final String ID = "(hold)";

    private final ProgramDecision shot;

    public FixedShot(ProgramDecision shot) {
        this.shot = shot;
    }

    @Override
    public ProgramDecision start() {
        return shot.at(0, "no director");
    }
}
