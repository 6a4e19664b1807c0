package org.yike.recording.internal.program;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Source;
import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;

/**
 * A lesson's director and what reaches it: classroom events, an operator's shots, a handover to
 * another strategy, and time, in order, on the program thread. A decision the lesson can show
 * becomes the shot wanted. A director that throws is replaced by one that holds the shot: a broken
 * strategy bundle must not end the lesson.
 */
public final class Directing {

    private static final Logger LOG = LoggerFactory.getLogger(Directing.class);

    private sealed interface Input {
    }

    private record Happened(ClassroomEvent event) implements Input {
    }

    private record Ordered(ProgramDecision shot) implements Input {
    }

    private record Handover(Director next, String strategy, String cause) implements Input {
    }

    /** Time passes; the same for every frame. */
    private record Tick() implements Input {
    }

    private static final Tick TICK = new Tick();

    private final String lesson;
    private final Set<String> recorded;
    private final ConcurrentLinkedQueue<Input> inputs = new ConcurrentLinkedQueue<>();
    /** Only the program thread uses it; a new one comes as a {@link Handover}. */
    private Director director;
    /** The strategy directing now, as the recorder last asked for it. */
    private volatile String strategy;
    /** The shot the director wants now, and what made it want it; the program thread's own. */
    private ProgramDecision decision;
    private String trigger;

    /**
     * @param lesson the lesson's id, for the log
     * @param recorded the keys of the video sources the lesson records: a decision for others is not shown
     */
    public Directing(String lesson, Collection<String> recorded, Director director, String strategy) {
        this.lesson = lesson;
        this.recorded = Set.copyOf(recorded);
        this.director = director;
        this.strategy = strategy;
    }

    /** What a director is told of a classroom's sources: its cameras, not its microphones. */
    public static List<ProgramSource> programSources(List<Source> sources) {
        return sources.stream().filter(s -> !s.isAudio()).map(s -> new ProgramSource(s.key(), s.role(), s.label())).toList();
    }

    public void offer(ClassroomEvent event) {
        inputs.add(new Happened(event));
    }

    /** An operator's shot, for a director that takes orders. */
    public void order(ProgramDecision shot) {
        inputs.add(new Ordered(shot));
    }

    /**
     * From the next frame on {@code next} directs; the program holds its last shot until the new
     * director's first decision, so the handover shows no gap and no black.
     */
    public void handOver(Director next, String strategy) {
        this.strategy = strategy;
        inputs.add(new Handover(next, strategy, "directed by " + strategy));
    }

    public String strategy() {
        return strategy;
    }

    /** On the program thread before the first frame: {@code first} full screen until the director's first decision. */
    public void open(String first) {
        decision = ProgramDecision.full(0, first, "lesson started");
        trigger = "start";
        apply(new Handover(director, strategy, "lesson started"), 0);
    }

    /** Each frame: what came since the last, then time; answers whether the shot wanted changed. */
    public boolean tick(long at) {
        ProgramDecision before = decision;
        for (Input i; (i = inputs.poll()) != null;) apply(i, at);
        apply(TICK, at);
        return decision != before;
    }

    public ProgramDecision decision() {
        return decision;
    }

    /** What made the director choose the shot: {@code event:<type>}, {@code operator}, {@code time}, {@code handover}, {@code start}. */
    public String trigger() {
        return trigger;
    }

    /** Gives the director an input; a decision it makes that this lesson can show becomes the one wanted. */
    private void apply(Input input, long at) {
        direct(input, at, decision).filter(this::showable).ifPresent(d -> {
            decision = d;
            trigger = input instanceof Happened h ? "event:" + h.event().type() : input instanceof Ordered ? "operator"
                    : input instanceof Tick ? "time" : "handover";
        });
    }

    private Optional<ProgramDecision> direct(Input input, long at, ProgramDecision current) {
        try {
            if (input instanceof Happened h) return director.onEvent(h.event(), at);
            if (input instanceof Ordered o) return director.onCommand(o.shot().at(at, o.shot().cause()), at);
            if (input instanceof Tick) return director.onTick(at);
            Handover h = (Handover) input;
            director = h.next();
            LOG.info("Lesson {}: directed by {} from {} ms", lesson, h.strategy(), at);
            return Optional.of(director.start().at(at, h.cause()));
        } catch (RuntimeException e) {
            LOG.error("Lesson {}: director {} failed; the shot holds from now on", lesson, strategy, e);
            director = new FixedShot(current);
            strategy = FixedShot.ID;
            return Optional.empty();
        }
    }

    private boolean showable(ProgramDecision d) {
        List<String> missing = d.shown().stream().filter(k -> !recorded.contains(k)).toList();
        if (missing.isEmpty()) return true;
        LOG.warn("Lesson {}: the director chose {}, which this lesson does not record; the shot stays", lesson, missing);
        return false;
    }
}
