package org.yike.director.skeleton.internal;

import java.util.List;
import java.util.Optional;

import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Role;
import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;
import org.yike.director.support.ShotRules;

/**
 * The teacher; the students while one stands and for the hold after. Each wish goes through
 * {@link ShotRules}, which keeps every shot on air for the minimum, so the program stays calm
 * however fast the events come.
 */
final class SkeletonDirector implements Director {

    private final ShotRules rules;
    private final String teacher;
    private final Optional<String> students;
    private boolean standing;
    private long satDownAt = Long.MIN_VALUE / 2;

    SkeletonDirector(List<ProgramSource> sources, SkeletonConfig config) {
        rules = new ShotRules(config.minShotMillis(), config.holdMillis());
        teacher = ProgramSource.first(sources, Role.TEACHER_CLOSEUP, Role.TEACHER_WIDE).map(ProgramSource::key)
                .orElse(sources.get(0).key());
        students = ProgramSource.first(sources, Role.STUDENT_CLOSEUP, Role.STUDENT_WIDE).map(ProgramSource::key);
    }

    @Override
    public ProgramDecision start() {
        return rules.open(ProgramDecision.full(0, teacher, "lesson started"));
    }

    @Override
    public Optional<ProgramDecision> onEvent(ClassroomEvent event, long at) {
        switch (event.type()) {
            case STUDENT_STOOD_UP -> standing = true;
            case STUDENT_SAT_DOWN -> {
                standing = false;
                satDownAt = at;
            }
            default -> {
            }
        }
        return rules.want(wanted(at), at);
    }

    @Override
    public Optional<ProgramDecision> onTick(long at) {
        return rules.want(wanted(at), at);
    }

    private ProgramDecision wanted(long at) {
        if (students.isPresent() && (standing || rules.held(satDownAt, at))) {
            return ProgramDecision.full(at, students.get(), "student standing");
        }
        return ProgramDecision.full(at, teacher, "teacher");
    }
}
