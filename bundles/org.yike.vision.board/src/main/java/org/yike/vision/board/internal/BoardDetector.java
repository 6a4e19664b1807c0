package org.yike.vision.board.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

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
import org.yike.api.device.Role;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.api.vision.PictureRequest;
import org.yike.api.vision.PictureSubscription;
import org.yike.api.vision.Pictures;

/**
 * One detector per configuration: a thread per watched role takes the role's pictures, small and grey,
 * and posts COURSEWARE_CHANGED for the screens and BLACKBOARD_WRITING for the boards. What goes wrong with
 * a picture is logged and that source starts afresh; the recording never waits for this thread.
 */
@Component(configurationPid = BoardDetector.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BoardConfig.class, factory = true)
public class BoardDetector {

    static final String PID = "org.yike.vision.board";
    static final int WIDTH = 320, HEIGHT = 180;
    private static final Logger LOG = LoggerFactory.getLogger(BoardDetector.class);

    private final BoardConfig config;
    private final EventAdmin events;
    private final double[] zone;
    private final Set<String> only;
    private final List<PictureSubscription> subscriptions = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @Activate
    public BoardDetector(BoardConfig config, @Reference Pictures pictures, @Reference EventAdmin events) {
        this.config = config;
        this.events = events;
        this.only = Set.of(config.sources());
        String problem = problem(config);
        this.zone = problem == null ? zone(config.boardZone()) : null;
        if (problem != null) {
            LOG.error("Board detector not started: {}", problem);
            return;
        }
        if (config.courseware()) watch(pictures, Role.COURSEWARE);
        if (config.blackboard()) watch(pictures, Role.BLACKBOARD);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        subscriptions.forEach(PictureSubscription::close);
        for (Thread t : threads) {
            t.interrupt();
            t.join(5000);
        }
    }

    /** What is wrong with a configuration, in words, or {@code null}. */
    static String problem(BoardConfig c) {
        List<String> p = new ArrayList<>();
        if (!(c.fps() > 0 && c.fps() <= 25)) p.add("fps " + c.fps() + " must be over 0 and at most 25");
        if (c.threshold() < 1 || c.threshold() > 255) p.add("threshold " + c.threshold() + " must be 1..255");
        if (c.slidePercent() < 1 || c.slidePercent() > 100) p.add("slidePercent " + c.slidePercent() + " must be 1..100");
        if (c.writingPercent() < 1 || c.writingPercent() > 100) p.add("writingPercent " + c.writingPercent() + " must be 1..100");
        if (c.stillSeconds() < 0 || c.lastingSeconds() < 0 || c.repeatSeconds() < 0) p.add("durations must not be negative");
        if (zone(c.boardZone()) == null) p.add("boardZone '" + c.boardZone() + "' must be x,y,width,height within 0..1");
        return p.isEmpty() ? null : String.join("; ", p);
    }

    /** x, y, width, height from "x,y,w,h", inside the picture; {@code null} if it is not that. */
    static double[] zone(String text) {
        try {
            double[] z = Arrays.stream(text.split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
            boolean inside = z.length == 4 && z[0] >= 0 && z[1] >= 0 && z[2] > 0 && z[3] > 0 && z[0] + z[2] <= 1.0001
                    && z[1] + z[3] <= 1.0001;
            return inside ? z : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private void watch(Pictures pictures, Role role) {
        PictureSubscription s = pictures.subscribe(PictureRequest.of(role, WIDTH, HEIGHT, config.fps(), PictureFormat.GREY));
        subscriptions.add(s);
        Thread t = new Thread(() -> take(s, role), "yike-vision-board-" + role.name().toLowerCase());
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** The state kept for one source during one lesson. */
    private record Watched(String lesson, SlideWatch slides, BoardWatch board) {
    }

    private void take(PictureSubscription subscription, Role role) {
        Map<String, Watched> watched = new HashMap<>();
        Set<String> failing = new HashSet<>();
        while (!subscription.closed() && !Thread.currentThread().isInterrupted()) {
            Picture p;
            try {
                p = subscription.take(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (p == null || !only.isEmpty() && !only.contains(p.source())) continue;
            try {
                Watched w = watched.get(p.source());
                if (w == null || !w.lesson().equals(p.lesson())) {
                    w = new Watched(p.lesson(), slides(), board());
                    watched.put(p.source(), w);
                }
                see(p, role, w);
            } catch (RuntimeException e) {
                // once a source: a camera that keeps sending what cannot be read would fill the log
                if (failing.add(p.source())) {
                    LOG.warn("Board detector: picture {} of {} not understood; the source starts afresh", p.number(), p.source(), e);
                }
                watched.remove(p.source());
            }
        }
    }

    private SlideWatch slides() {
        return new SlideWatch(config.threshold(), config.slidePercent() / 100.0, seconds(config.stillSeconds()));
    }

    private BoardWatch board() {
        return new BoardWatch(config.threshold(), seconds(config.lastingSeconds()), config.writingPercent() / 100.0,
                seconds(config.repeatSeconds()), zone);
    }

    private void see(Picture p, Role role, Watched w) {
        if (p.format() != PictureFormat.GREY) throw new IllegalArgumentException("a " + p.format() + " picture, not GREY");
        Cells cells = Cells.of(p.data(), p.width(), p.height());
        if (role == Role.COURSEWARE) {
            Instant came = w.slides().see(cells, p.time());
            if (came != null) post(ClassroomEvent.Type.COURSEWARE_CHANGED, p, came, null);
        } else {
            double[] at = w.board().see(cells, p.time());
            if (at != null) post(ClassroomEvent.Type.BLACKBOARD_WRITING, p, p.time(), at);
        }
    }

    private void post(ClassroomEvent.Type type, Picture p, Instant time, double[] at) {
        int slash = p.source().indexOf('/');
        String device = slash < 0 ? null : p.source().substring(0, slash);
        String source = p.source().substring(slash + 1);
        ClassroomEvent e = new ClassroomEvent(type, p.room(), device, source, time, at == null ? null : at[0],
                at == null ? null : at[1]);
        events.postEvent(new Event(e.topic(), e.properties()));
        LOG.info("{} in room {} on {} at {}", type, p.room(), p.source(), time);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
