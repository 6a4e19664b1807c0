package org.yike.recording.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;
import org.yike.recording.internal.lesson.Lesson;
import org.yike.recording.internal.program.FixedShot;

/**
 * Which director strategy directs each running lesson: the classroom's own
 * ({@link RecordingConfig#directors()}), else the default, or {@link #MANUAL} while an operator has
 * taken the classroom over. Strategy bundles come and go: a lesson whose strategy arrives is handed
 * over to it at once; one whose strategy goes holds its last shot until it, or another, is back.
 * The recorder calls it under its own lock, so that a lesson starting and a strategy arriving are
 * seen in one order.
 */
final class DirectorRouting {

    private static final Logger LOG = LoggerFactory.getLogger(DirectorRouting.class);
    static final String MANUAL = "manual";

    /** Who directs a lesson from its start: a strategy's director (and the strategy), or a {@link FixedShot}. */
    record Opening(Director director, String strategy, DirectorStrategy service) {
    }

    private final Supplier<RecordingConfig> config;
    private final List<DirectorStrategy> strategies = new CopyOnWriteArrayList<>();
    /** Which strategy service directs each running lesson (by lesson id); none while a shot is held. */
    private final Map<String, DirectorStrategy> directing = new ConcurrentHashMap<>();
    /** Classrooms an operator has taken over (directed by {@link #MANUAL} until resumed). */
    private final Set<String> operated = ConcurrentHashMap.newKeySet();

    /** @param config the configuration now: strategies by classroom and the default */
    DirectorRouting(Supplier<RecordingConfig> config) {
        this.config = config;
    }

    void add(DirectorStrategy strategy) {
        strategies.add(strategy);
    }

    void remove(DirectorStrategy strategy) {
        strategies.remove(strategy);
    }

    /** The strategy a classroom should be directed by now. */
    private String strategyFor(String room) {
        if (operated.contains(room)) return MANUAL;
        for (String line : config.get().directors()) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).trim().equals(room)) return line.substring(eq + 1).trim();
        }
        return config.get().director();
    }

    private Optional<DirectorStrategy> strategy(String id) {
        return strategies.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Who directs a lesson starting in {@code room}: its strategy, else its first camera until that is installed. */
    Opening open(String room, List<ProgramSource> sources) {
        String id = strategyFor(room);
        Optional<DirectorStrategy> strategy = strategy(id);
        if (strategy.isPresent()) return new Opening(strategy.get().direct(room, sources), id, strategy.get());
        LOG.warn("Director strategy {} is not installed; classroom {} shows its first camera until it is", id, room);
        return new Opening(new FixedShot(ProgramDecision.full(0, sources.get(0).key(), "no director")), FixedShot.ID, null);
    }

    /** The lesson {@code id} started as {@code opening} says. */
    void started(String id, Opening opening) {
        if (opening.service() != null) directing.put(id, opening.service());
    }

    void ended(String id) {
        directing.remove(id);
    }

    /** Hands each running lesson to the strategy it should have, if that is not the one directing it. */
    void redirect(Collection<Lesson> running) {
        for (Lesson l : running) {
            String wanted = strategyFor(l.record.classroom);
            DirectorStrategy now = directing.get(l.record.id);
            Optional<DirectorStrategy> next = strategy(wanted);
            if (next.isPresent()) {
                if (next.get() == now) continue;
                directing.put(l.record.id, next.get());
                l.handOver(next.get().direct(l.record.classroom, l.programSources()), wanted);
            } else if (now != null && (!strategies.contains(now) || !now.id().equals(wanted))) {
                directing.remove(l.record.id);
                LOG.warn("Director strategy {} is not installed; classroom {} holds its shot", wanted, l.record.classroom);
                ProgramDecision last = l.record.lastDecision();
                l.handOver(new FixedShot(last != null ? last : ProgramDecision.full(0, l.videoSources().get(0), "no director")),
                        FixedShot.ID);
            }
        }
    }

    /** An operator takes the lesson's classroom over with {@code shot}; see {@link #redirect}. */
    void operate(Lesson lesson, ProgramDecision shot) {
        List<String> missing = shot.shown().stream().filter(k -> !lesson.videoSources().contains(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("classroom " + lesson.record.classroom + " records no "
                    + String.join(", ", missing) + "; its sources: " + String.join(", ", lesson.videoSources()));
        }
        if (strategy(MANUAL).isEmpty()) throw new IllegalStateException("the manual director is not installed");
        operated.add(lesson.record.classroom);
    }

    /** The classroom is directed by its strategy again; see {@link #redirect}. */
    void release(String classroom) {
        operated.remove(classroom);
    }
}
