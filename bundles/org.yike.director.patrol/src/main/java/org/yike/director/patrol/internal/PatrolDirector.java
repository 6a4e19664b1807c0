package org.yike.director.patrol.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.yike.api.device.Role;
import org.yike.api.director.Director;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;

/**
 * One shot a period, round and round: the configured steps this classroom can show (a role: its
 * first source full screen; a layout: over the lesson's sources in their order), or, without
 * steps, every source in turn. Steps are timed from the lesson's start, so the round keeps its
 * beat; events change nothing.
 */
final class PatrolDirector implements Director {

    private final List<ProgramDecision> round;
    private final long period;
    private int step;
    private ProgramDecision current;

    PatrolDirector(List<ProgramSource> sources, List<String> steps, long period) {
        List<ProgramDecision> shots = steps.stream().map(s -> shot(s, sources)).flatMap(Optional::stream).toList();
        this.round = !shots.isEmpty() ? shots : sources.stream().map(PatrolDirector::full).toList();
        this.period = period;
    }

    private static Optional<ProgramDecision> shot(String step, List<ProgramSource> sources) {
        if (PatrolStrategy.isNamed(Role.values(), step)) return ProgramSource.first(sources, Role.valueOf(step)).map(PatrolDirector::full);
        Layout layout = Layout.valueOf(step);
        if (sources.size() < layout.sources()) return Optional.empty();
        return Optional.of(new ProgramDecision(0, layout, sources.stream().map(ProgramSource::key).limit(layout.sources()).toList(),
                "patrol: " + layout));
    }

    private static ProgramDecision full(ProgramSource s) {
        return ProgramDecision.full(0, s.key(), "patrol: " + Objects.requireNonNullElse(s.label(), s.key()));
    }

    @Override
    public ProgramDecision start() {
        current = round.get(0).at(0, "lesson started");
        return current;
    }

    @Override
    public Optional<ProgramDecision> onTick(long at) {
        int due = (int) (at / period % round.size());
        if (due == step) return Optional.empty();
        step = due;
        ProgramDecision next = round.get(due);
        if (next.sameShot(current)) return Optional.empty();
        current = next.at(at, next.cause());
        return Optional.of(current);
    }
}
