package org.yike.vision.standup.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
import org.yike.vision.standup.internal.StandUpDetector.Change;
import org.yike.vision.standup.internal.StandUpDetector.Settings;
import org.yike.vision.standup.internal.StandUpDetector.Zone;

/**
 * Watches the student cameras' pictures for students standing up and sitting down, and posts them as
 * classroom events. Without a configuration it watches every wide student camera with the defaults;
 * each factory configuration is a watch of its own. One thread takes the pictures and runs a
 * {@link StandUpDetector} per source; a detector that fails is logged and started afresh, and the
 * recording never waits for it (the subscription drops the pictures it has no time for).
 */
@Component(service = {}, configurationPid = StandUpWatch.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StandUpConfig.class, factory = true)
public class StandUpWatch {

    static final String PID = "org.yike.vision.standup";
    private static final Logger LOG = LoggerFactory.getLogger(StandUpWatch.class);
    /** The most a failing source logs: its first failure, then a count this often. */
    private static final Duration FAILURE_LOG = Duration.ofMinutes(1);

    private final EventAdmin events;
    private final PictureSubscription pictures;
    private final Settings settings;
    private final Map<String, Watched> watched = new HashMap<>();
    private final Thread thread;
    /** The school's network, shared by the sources (one thread runs them all); null: background subtraction. */
    private final PersonModel model;
    private long failures;
    private Instant failureLogged;

    /** A source's detector, for one lesson: the next lesson's room is learnt anew. */
    private static final class Watched {
        final String room;
        final String source;
        final String lesson;
        final StandUpDetector detector;
        long pictures;
        long standUps;

        Watched(Picture first, Settings settings, PersonModel model) {
            room = first.room();
            source = first.source();
            lesson = first.lesson();
            detector = new StandUpDetector(settings, model);
        }

        /** Frees the detector and says what it saw. */
        void end() {
            detector.close();
            if (pictures > 0) {
                LOG.info("Stand-ups in {} of room {} during lesson {}: {} in {} pictures", source, room, lesson, standUps, pictures);
            }
        }
    }

    @Activate
    public StandUpWatch(StandUpConfig config, @Reference Pictures pictures, @Reference EventAdmin events) {
        this.events = events;
        settings = new Settings(Arrays.stream(config.seatZones()).map(Zone::parse).toList(),
                Duration.ofMillis(Math.round(config.standSeconds() * 1000)), config.sensitivity());
        PictureRequest request;
        if (config.source().isBlank()) {
            Role role = Role.named(config.role());
            if (role == null) throw new IllegalArgumentException("no picture role " + config.role());
            request = PictureRequest.of(role, config.width(), config.height(), config.fps(), PictureFormat.GREY);
        } else {
            request = PictureRequest.of(config.source().trim(), config.width(), config.height(), config.fps(), PictureFormat.GREY);
        }
        model = config.model().isBlank() ? null : load(Path.of(config.model().trim()), config.width(), config.height());
        this.pictures = pictures.subscribe(request);
        thread = new Thread(this::watch, "stand-ups " + (config.source().isBlank() ? config.role() : config.source()));
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} for stand-ups{}", request, model == null ? "" : " with the model " + config.model().trim());
    }

    /** The model, or null (and why, in the log) when it cannot be used: the classic method then. */
    private static PersonModel load(Path file, int width, int height) {
        int w = Math.min(width, StandUpDetector.WORK_WIDTH);
        try {
            return PersonModel.load(file, w, Math.max(2, Math.round((float) height * w / width)));
        } catch (IllegalArgumentException | LinkageError e) {
            LOG.error("The stand-up model cannot be used, watching by background subtraction instead: {}", e.getMessage(), e);
            return null;
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        pictures.close();
        thread.interrupt();
        thread.join(5000);
    }

    private void watch() {
        try {
            while (!pictures.closed()) {
                Picture p = pictures.take(1, TimeUnit.SECONDS);
                if (p != null) see(p);
            }
        } catch (InterruptedException e) {
            // stopped
        } finally {
            watched.values().forEach(Watched::end);
            watched.clear();
            if (model != null) model.close();
            LOG.info("Stopped watching for stand-ups; {} pictures came too fast to look at", pictures.lostPictures());
        }
    }

    private void see(Picture p) {
        try {
            Watched w = watched.get(p.source());
            if (w == null || !w.lesson.equals(p.lesson())) {
                if (w != null) w.end();
                w = new Watched(p, settings, model);
                watched.put(p.source(), w);
            }
            for (Change c : w.detector.see(p.time(), p.width(), p.height(), p.data())) {
                if (c.type() == ClassroomEvent.Type.STUDENT_STOOD_UP) w.standUps++;
                post(p, c);
            }
            if (w.pictures++ == 0) {
                LOG.info("Watching {} of room {} for stand-ups during lesson {}", p.source(), p.room(), p.lesson());
            }
        } catch (RuntimeException | LinkageError e) {
            // OpenCV that does not load, or a detector in a bad state: this source starts afresh with
            // its next picture; the runtime and the other sources go on
            Watched broken = watched.remove(p.source());
            if (broken != null) closeQuietly(broken.detector);
            failures++;
            Instant now = Instant.now();
            if (failureLogged == null) {
                LOG.error("The stand-up detector failed on a picture of {} in {}", p.source(), p.room(), e);
                failureLogged = now;
            } else if (Duration.between(failureLogged, now).compareTo(FAILURE_LOG) >= 0) {
                LOG.error("The stand-up detector has failed on {} pictures; the last, of {}: {}", failures, p.source(), e.toString());
                failureLogged = now;
            }
        }
    }

    private void post(Picture p, Change c) {
        int slash = p.source().indexOf('/');
        String device = slash < 0 ? p.source() : p.source().substring(0, slash);
        String source = slash < 0 ? null : p.source().substring(slash + 1);
        ClassroomEvent e = new ClassroomEvent(c.type(), p.room(), device, source, c.time(), c.x(), c.y());
        LOG.debug("{} in {} at {}, {}", c.type(), p.room(), c.x(), c.y());
        events.postEvent(new Event(e.topic(), e.properties()));
    }

    private static void closeQuietly(StandUpDetector d) {
        try {
            d.close();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Closing a failed stand-up detector", e);
        }
    }
}
