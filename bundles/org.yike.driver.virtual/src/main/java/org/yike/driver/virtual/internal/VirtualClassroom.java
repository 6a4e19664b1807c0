package org.yike.driver.virtual.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongUnaryOperator;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.driver.support.ConfiguredDevice;
import org.yike.settings.FrameworkSettings;

/**
 * One virtual classroom: teacher camera, student camera, courseware screen and microphone. With no
 * configuration there is one, classroom 101, so a fresh runtime has something to record; each
 * factory configuration makes another instead. With {@code people} its cameras show a {@link Scene}
 * that follows the script; without {@code scriptedEvents} only detectors report what happens in it.
 */
@Component(service = Device.class, configurationPid = VirtualClassroom.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = VirtualClassroomConfig.class, factory = true)
public class VirtualClassroom extends ConfiguredDevice {

    static final String PID = "org.yike.driver.virtual.classroom";
    private static final Logger LOG = LoggerFactory.getLogger(VirtualClassroom.class);

    private final VirtualClassroomConfig config;
    private final EventAdmin events;
    private final List<Source> sources;
    private final DeviceStatus status;
    private final ScheduledExecutorService script;
    private final double speed;

    @Activate
    public VirtualClassroom(BundleContext context, VirtualClassroomConfig config, @Reference EventAdmin events) {
        this(config, events, FrameworkSettings.of(context).clockSpeed());
    }

    /** @param speed how many times faster than real time the classroom runs ({@code yike.clock.speed}) */
    VirtualClassroom(VirtualClassroomConfig config, EventAdmin events, double speed) {
        super(VirtualDriver.ID, config.id(), config.label(), config.classroom());
        this.speed = speed;
        this.config = config;
        this.events = events;
        String problem = problem(config);
        if (problem != null) {
            sources = List.of();
            status = refused(problem);
            script = null;
            return;
        }
        // the script posts what the pictures show when they show people: both follow this schedule
        Scene scene = new Scene(config.width(), config.height(), System.currentTimeMillis(), speed,
                config.studentStandsEverySeconds(), config.studentStandsForSeconds(), config.coursewareChangesEverySeconds());
        TestPattern pattern = new TestPattern(config.width(), config.height(), config.fps(), config.font(), speed,
                config.timeCode(), config.people() ? scene : null);
        if (!pattern.labelled()) {
            LOG.warn("Virtual classroom {}: font {} not readable; pictures carry colour keys only", config.id(),
                    config.font());
        }
        String id = config.id();
        Speech speech = Speech.parse(config.speech());
        List<Source> all = new ArrayList<>(List.of(
                new Source(id, "teacher", "Teacher " + config.classroom(), Role.TEACHER_CLOSEUP,
                        config.teacherUrl().isBlank() ? pattern.teacher("TEACHER " + config.classroom())
                                : StreamLocator.of(config.teacherUrl().trim())),
                new Source(id, "student", "Students " + config.classroom(), Role.STUDENT_WIDE,
                        pattern.student("STUDENTS " + config.classroom())),
                new Source(id, "courseware", "Courseware " + config.classroom(), Role.COURSEWARE,
                        pattern.courseware("COURSEWARE " + config.classroom(), config.coursewareChangesEverySeconds())),
                new Source(id, "mic", "Classroom microphone", Role.MICROPHONE,
                        pattern.microphone(config.toneHz(), speech.gate(Speech.TEACHER)))));
        if (speech.scripted()) {
            // a fourth lower than the teacher's, so that the two are told apart in the program's sound too
            all.add(new Source(id, "student-mic", "Student microphone", Role.MICROPHONE,
                    pattern.microphone(config.toneHz() * 3 / 4, speech.gate(Speech.STUDENT))));
        }
        sources = List.copyOf(all);
        status = DeviceStatus.online();
        script = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "yike-virtual-" + id));
        if (config.scriptedEvents()) {
            every(scene.standPeriod(), scene::standsUp, k -> {
                post(ClassroomEvent.Type.STUDENT_STOOD_UP, "student", scene.x(k), scene.y(k));
                at(scene.sitsDown(k), () -> post(ClassroomEvent.Type.STUDENT_SAT_DOWN, "student", null, null));
            });
            every(scene.slidePeriod(), scene::slideChanges,
                    k -> post(ClassroomEvent.Type.COURSEWARE_CHANGED, "courseware", null, null));
        }
    }

    /** No event of this classroom goes out after it is gone. */
    @Deactivate
    void deactivate() throws InterruptedException {
        if (script == null) return;
        script.shutdownNow();
        script.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** What is wrong with a configuration, in words, or {@code null}. */
    static String problem(VirtualClassroomConfig c) {
        List<String> p = new ArrayList<>();
        if (c.id() == null || !c.id().matches("[A-Za-z0-9._-]+")) p.add("id '" + c.id() + "' must be letters, digits, . _ -");
        if (c.classroom() == null || c.classroom().isBlank()) p.add("classroom is empty");
        if (c.width() < 16 || c.width() > 3840 || c.width() % 2 != 0) p.add("width " + c.width() + " must be even, 16..3840");
        if (c.height() < 16 || c.height() > 2160 || c.height() % 2 != 0) p.add("height " + c.height() + " must be even, 16..2160");
        if (c.fps() < 1 || c.fps() > 60) p.add("fps " + c.fps() + " must be 1..60");
        if (c.toneHz() < 20 || c.toneHz() > 20000) p.add("tone " + c.toneHz() + " Hz must be 20..20000");
        if (c.studentStandsEverySeconds() < 0 || c.coursewareChangesEverySeconds() < 0) p.add("intervals must not be negative");
        if (c.studentStandsForSeconds() < 1) p.add("a student stands for at least 1 s");
        try {
            Speech.parse(c.speech());
        } catch (IllegalArgumentException e) {
            p.add(e.getMessage());
        }
        return p.isEmpty() ? null : String.join("; ", p);
    }

    /**
     * The k-th action of a series (k from 1) at the wall-clock millisecond {@code when(k)}, then the next;
     * none when the period is 0. Timed by the wall clock, as the pictures are, not by a fixed rate.
     */
    private void every(long period, LongUnaryOperator when, LongConsumer action) {
        if (period > 0) next(1, when, action);
    }

    private void next(long k, LongUnaryOperator when, LongConsumer action) {
        at(when.applyAsLong(k), () -> {
            action.accept(k);
            next(k + 1, when, action);
        });
    }

    private void at(long wallClockMillis, Runnable action) {
        script.schedule(action, Math.max(0, wallClockMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    }

    private void post(ClassroomEvent.Type type, String source, Double x, Double y) {
        ClassroomEvent e = new ClassroomEvent(type, config.classroom(), config.id(), source, Instant.now(), x, y);
        events.postEvent(new Event(e.topic(), e.properties()));
    }

    @Override
    public DeviceStatus status() {
        return status;
    }

    @Override
    public List<Source> sources() {
        return sources;
    }

    /**
     * The test sources deliver exactly their configured rate (the clock speed's times faster in a
     * simulation), uncompressed: bit rate 0. A teacher camera at {@code teacherUrl} is not measured.
     */
    @Override
    public Optional<StreamFigures> figures(String sourceId) {
        return sources.stream().filter(s -> s.id().equals(sourceId) && "lavfi".equals(s.locator().format())).findFirst()
                .map(s -> new StreamFigures(s.isAudio() ? 0 : config.fps() * speed, 0, Instant.now()));
    }
}
