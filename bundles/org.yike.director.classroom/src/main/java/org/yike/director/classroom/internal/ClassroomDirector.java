package org.yike.director.classroom.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.ClassroomEvent.Type;
import org.yike.api.device.Role;
import org.yike.api.director.Director;
import org.yike.api.director.Framing;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;
import org.yike.director.support.ShotRules;

/**
 * Directs by classroom rules, in this order: a standing student (and a hold after they sit); the
 * blackboard or the courseware, whichever changed last, for a while; the wide shot when nobody has
 * done anything for a while; the teacher, wide while away from the close-up area (and a hold after
 * coming back), else close. Roles the classroom lacks are skipped, so without a student camera the
 * teacher stays. Every wish goes through {@link ShotRules}.
 */
final class ClassroomDirector implements Director {

    private static final long NEVER = Long.MIN_VALUE;

    private final ClassroomConfig config;
    private final ShotRules rules;
    private final List<ProgramSource> sources;
    private final Optional<ProgramSource> teacher;
    private final String teacherClose;
    private final String teacherWide;
    private final Optional<ProgramSource> overview;
    private final Optional<ProgramSource> studentCloseUp;
    private final Optional<ProgramSource> students;
    private final Optional<ProgramSource> courseware;
    private final Optional<ProgramSource> blackboard;
    private final Layout studentLayout;
    private final Layout coursewareLayout;

    private ClassroomEvent stood;
    private boolean standing;
    private long satDownAt = NEVER;
    private boolean teacherAway;
    private long teacherBackAt = NEVER;
    private long coursewareAt = NEVER;
    private long writingAt = NEVER;
    private long activeAt;
    /** The camera a tracker follows the teacher on, and where it frames them; {@code null}: none. */
    private String tracked;
    private double trackedX;
    private double trackedY;

    ClassroomDirector(ClassroomConfig config, List<ProgramSource> sources) {
        this.config = config;
        this.rules = new ShotRules(config.minShotMillis(), config.holdMillis());
        this.sources = sources;
        this.teacher = ProgramSource.first(sources, Role.TEACHER_CLOSEUP, Role.TEACHER_WIDE);
        String anyone = sources.get(0).key();
        this.teacherClose = teacher.map(ProgramSource::key).orElse(anyone);
        this.teacherWide = ProgramSource.first(sources, Role.TEACHER_WIDE).map(ProgramSource::key).orElse(teacherClose);
        this.overview = ProgramSource.first(sources, Role.TEACHER_WIDE, Role.STUDENT_WIDE);
        this.studentCloseUp = ProgramSource.first(sources, Role.STUDENT_CLOSEUP);
        this.students = ProgramSource.first(sources, Role.STUDENT_CLOSEUP, Role.STUDENT_WIDE);
        this.courseware = ProgramSource.first(sources, Role.COURSEWARE);
        this.blackboard = ProgramSource.first(sources, Role.BLACKBOARD);
        this.studentLayout = Layout.valueOf(config.studentLayout());
        this.coursewareLayout = Layout.valueOf(config.coursewareLayout());
    }

    @Override
    public ProgramDecision start() {
        return rules.open(ProgramDecision.full(0, teacherClose, "lesson started"));
    }

    @Override
    public Optional<ProgramDecision> onEvent(ClassroomEvent event, long at) {
        switch (event.type()) {
            case STUDENT_STOOD_UP -> {
                stood = event;
                standing = true;
            }
            case STUDENT_SAT_DOWN -> {
                if (standing) satDownAt = at;
                standing = false;
            }
            case TEACHER_LEFT_PODIUM -> teacherAway(true, at);
            case TEACHER_RETURNED -> teacherAway(false, at);
            case TEACHER_MOVED -> {
                if (event.x() != null && event.y() != null) {
                    teacherAway(!inCloseUpArea(event.x(), event.y()), at);
                    if (keyOf(event) != null) {
                        tracked = keyOf(event);
                        trackedX = event.x();
                        trackedY = event.y();
                    }
                }
            }
            case COURSEWARE_CHANGED -> coursewareAt = at;
            case BLACKBOARD_WRITING -> writingAt = at;
            case MICROPHONE_ACTIVE, MICROPHONE_QUIET -> {
            }
        }
        if (event.type() != Type.MICROPHONE_QUIET) activeAt = at;
        return rules.want(followingTeacher(wanted(at)), at);
    }

    @Override
    public Optional<ProgramDecision> onTick(long at) {
        return rules.want(followingTeacher(wanted(at)), at);
    }

    /**
     * Electronic PTZ on the teacher: a shot that shows the camera a tracker follows the teacher on, not
     * framed otherwise, shows it cropped around them. As the tracker pans, the shot is reframed, not cut.
     */
    private ProgramDecision followingTeacher(ProgramDecision d) {
        if (config.teacherCropSize() <= 0 || tracked == null || !d.shown().contains(tracked) || d.framing().containsKey(tracked)) {
            return d;
        }
        Map<String, Framing> framing = new HashMap<>(d.framing());
        framing.put(tracked, around(trackedX, trackedY, config.teacherCropSize()));
        return new ProgramDecision(d.atMillis(), d.layout(), d.sources(), d.cause(), framing);
    }

    private void teacherAway(boolean away, long at) {
        if (teacherAway && !away) teacherBackAt = at;
        teacherAway = away;
    }

    private boolean inCloseUpArea(double x, double y) {
        return x >= config.closeUpLeft() && x <= config.closeUpRight() && y >= config.closeUpTop() && y <= config.closeUpBottom();
    }

    private ProgramDecision wanted(long at) {
        if (students.isPresent() && (standing || rules.held(satDownAt, at))) return studentShot(at);
        boolean writing = blackboard.isPresent() && at < writingAt + config.blackboardMillis();
        boolean slides = courseware.isPresent() && at < coursewareAt + config.coursewareMillis();
        if (writing && (!slides || writingAt > coursewareAt)) return ProgramDecision.full(at, blackboard.get().key(), "blackboard writing");
        if (slides) return coursewareShot(at);
        if (overview.isPresent() && config.idleMillis() > 0 && at - activeAt >= config.idleMillis()) {
            return ProgramDecision.full(at, overview.get().key(), "nobody active");
        }
        if (teacherIsAway(at)) return ProgramDecision.full(at, teacherWide, "teacher left the close-up area");
        return ProgramDecision.full(at, teacherClose, teacher.isPresent() ? "back to the teacher" : "back to the main camera");
    }

    private boolean teacherIsAway(long at) {
        return teacherAway || rules.held(teacherBackAt, at);
    }

    /** The student close-up camera, else the wide student camera that saw them, framed to them if so configured. */
    private ProgramDecision studentShot(long at) {
        ProgramSource shown = studentCloseUp.orElseGet(() -> sources.stream()
                .filter(s -> s.role() == Role.STUDENT_WIDE && s.key().equals(keyOf(stood))).findFirst().orElse(students.get()));
        Map<String, Framing> framing = Map.of();
        if (!config.studentPreset().isBlank()) {
            framing = Map.of(shown.key(), Framing.preset(config.studentPreset()));
        } else if (config.cropStudents() && shown.role() == Role.STUDENT_WIDE && stood.x() != null && stood.y() != null
                && (keyOf(stood) == null || keyOf(stood).equals(shown.key()))) {
            framing = Map.of(shown.key(), around(stood.x(), stood.y(), config.cropSize()));
        }
        if (studentLayout == Layout.FULL || teacher.isEmpty()) {
            return new ProgramDecision(at, Layout.FULL, List.of(shown.key()), "student stood up", framing);
        }
        return new ProgramDecision(at, studentLayout, List.of(teacherNow(at), shown.key()), "student stood up", framing);
    }

    private ProgramDecision coursewareShot(long at) {
        if (coursewareLayout == Layout.FULL || teacher.isEmpty()) {
            return ProgramDecision.full(at, courseware.get().key(), "courseware changed");
        }
        return new ProgramDecision(at, coursewareLayout, List.of(courseware.get().key(), teacherNow(at)), "courseware changed");
    }

    /** The teacher's camera for a corner: wide while away from the close-up area. */
    private String teacherNow(long at) {
        return teacherIsAway(at) ? teacherWide : teacherClose;
    }

    private static Framing around(double x, double y, double size) {
        return Framing.crop(within(x - size / 2, size), within(y - size / 2, size), size, size);
    }

    private static double within(double start, double size) {
        return Math.max(0, Math.min(1 - size, start));
    }

    private static String keyOf(ClassroomEvent e) {
        return e.deviceId() == null || e.sourceId() == null ? null : e.deviceId() + "/" + e.sourceId();
    }
}
