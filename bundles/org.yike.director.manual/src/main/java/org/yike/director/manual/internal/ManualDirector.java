package org.yike.director.manual.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Role;
import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;

/**
 * Shows what the operator cuts, at once and as asked; holds the opening shot until then, and the
 * last good shot when an order names sources the lesson does not have. Events change nothing.
 */
final class ManualDirector implements Director {

    private static final Logger LOG = LoggerFactory.getLogger(ManualDirector.class);

    private final String classroom;
    private final Set<String> keys = new HashSet<>();
    private ProgramDecision current;

    ManualDirector(String classroom, List<ProgramSource> sources, Role[] opening) {
        this.classroom = classroom;
        sources.forEach(s -> keys.add(s.key()));
        current = ProgramDecision.full(0, ProgramSource.first(sources, opening).orElse(sources.get(0)).key(), "lesson started");
    }

    @Override
    public ProgramDecision start() {
        return current;
    }

    @Override
    public Optional<ProgramDecision> onCommand(ProgramDecision wanted, long at) {
        String problem = problem(wanted);
        if (problem != null) {
            LOG.warn("Classroom {}: the operator's shot {} {} is not shown ({}); {} holds", classroom, wanted.layout(),
                    wanted.sources(), problem, current.sources());
            return Optional.empty();
        }
        if (wanted.sameShot(current)) return Optional.empty();
        current = new ProgramDecision(at, wanted.layout(), wanted.sources(),
                wanted.cause().isBlank() ? "operator cut" : wanted.cause(), wanted.framing());
        return Optional.of(current);
    }

    private String problem(ProgramDecision wanted) {
        if (!keys.containsAll(wanted.sources())) return "this lesson records only " + keys;
        if (new HashSet<>(wanted.shown()).size() < wanted.layout().sources()) {
            return wanted.layout() + " needs " + wanted.layout().sources() + " different sources";
        }
        if (!wanted.sources().containsAll(wanted.framing().keySet())) return "framing for a source not in the shot";
        return null;
    }
}
