package org.yike.director.support;

import java.util.Optional;

import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;

/**
 * The rules of a calm program, for a strategy to pass its wishes through. A shot stays on air at
 * least {@code minShotMillis}: a change wanted sooner waits and is cut at the first {@link #want}
 * or {@link #tick} after, if it is still the one wanted. Because every cut waits so, a shot just
 * taken off cannot come back within the minimum either, and wishes that alternate faster than that
 * collapse to the last one. {@code holdMillis} is how long a strategy keeps a shot after the event
 * behind it ends ("the student sat down"), see {@link #held}.
 * <p>
 * One per lesson, owned by its {@link Director} and called from the same thread; times are
 * milliseconds since the lesson started, never decreasing.
 */
public final class ShotRules {

    private final long minShotMillis;
    private final long holdMillis;
    private ProgramDecision current;
    private long since;
    private ProgramDecision pending;

    public ShotRules(long minShotMillis, long holdMillis) {
        if (minShotMillis < 0 || holdMillis < 0) {
            throw new IllegalArgumentException("shot rules need times of 0 or more: " + minShotMillis + ", " + holdMillis);
        }
        this.minShotMillis = minShotMillis;
        this.holdMillis = holdMillis;
    }

    /** The opening shot, on air at once from its time; returns it for {@link Director#start()}. */
    public ProgramDecision open(ProgramDecision first) {
        current = first;
        since = first.atMillis();
        pending = null;
        return first;
    }

    /**
     * The strategy wants this shot at {@code at}: answers the cut when the shot on air has run its
     * minimum, else keeps it for later. Wanting the shot on air drops a waiting one; wanting the
     * waiting one again keeps its first cause. The shot on air reframed ({@link ProgramDecision#reframes})
     * goes out at once and does not restart its minimum: a crop that follows the teacher is no cut.
     */
    public Optional<ProgramDecision> want(ProgramDecision wanted, long at) {
        if (current == null) throw new IllegalStateException("open the first shot before wanting another");
        if (wanted.sameShot(current)) {
            pending = null;
            return Optional.empty();
        }
        if (wanted.reframes(current)) {
            pending = null;
            current = wanted.at(at, current.cause());
            return Optional.of(current);
        }
        if (!wanted.sameShot(pending)) pending = wanted;
        return tick(at);
    }

    /** The waiting shot, cut at {@code at} if the shot on air has run its minimum. */
    public Optional<ProgramDecision> tick(long at) {
        if (pending == null || at < since + minShotMillis) return Optional.empty();
        current = pending.at(at, pending.cause());
        since = at;
        pending = null;
        return Optional.of(current);
    }

    /** The shot on air. */
    public ProgramDecision current() {
        return current;
    }

    /** Whether something that ended at {@code endedAt} still holds its shot at {@code at}. */
    public boolean held(long endedAt, long at) {
        return at < endedAt + holdMillis;
    }
}
