package org.yike.vision.tracking.internal;

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

/**
 * Teacher tracking in software, on every wide teacher camera (or the one configured) of every running
 * lesson: one thread takes their small grey pictures and a {@link Follower} per camera and lesson tells
 * the directors where to frame the teacher. A picture it cannot handle is skipped and logged; the
 * lesson never notices.
 */
@Component(configurationPid = "org.yike.vision.tracking", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TrackingConfig.class)
public class TeacherTracker {

    private static final Logger LOG = LoggerFactory.getLogger(TeacherTracker.class);
    private static final long COMPLAINT_NANOS = 60_000_000_000L;

    private final TrackingConfig config;
    private final EventAdmin events;
    private final PictureSubscription pictures;
    private final Thread thread;
    /** By source key: the lesson it follows the teacher in, and how. */
    private final Map<String, Map.Entry<String, Follower>> followers = new HashMap<>();
    private long complainedAt = System.nanoTime() - COMPLAINT_NANOS;

    @Activate
    public TeacherTracker(TrackingConfig config, @Reference Pictures pictures, @Reference EventAdmin events) {
        Role role = Role.named(config.role());
        if (config.source().isBlank() && role == null) {
            throw new IllegalArgumentException("tracking needs a source or a picture role, not '" + config.role() + "'");
        }
        this.config = config;
        this.events = events;
        this.pictures = pictures.subscribe(new PictureRequest(config.source().isBlank() ? null : config.source().trim(),
                config.source().isBlank() ? role : null, even(config.width()), even(config.height()), config.fps(), PictureFormat.GREY));
        this.thread = new Thread(this::run, "yike-tracking");
        thread.setDaemon(true);
        thread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        pictures.close();
        thread.interrupt();
        thread.join(5000);
    }

    private void run() {
        while (!pictures.closed()) {
            try {
                Picture p = pictures.take(1, TimeUnit.SECONDS);
                if (p != null) follow(p);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                complain(e);
            }
        }
    }

    private void follow(Picture p) {
        Map.Entry<String, Follower> f = followers.get(p.source());
        if (f == null || !f.getKey().equals(p.lesson())) {
            f = Map.entry(p.lesson(), new Follower(config, p.room(), p.source()));
            followers.put(p.source(), f);
        }
        for (ClassroomEvent e : f.getValue().see(p, System.nanoTime())) events.postEvent(new Event(e.topic(), e.properties()));
    }

    private void complain(RuntimeException e) {
        if (System.nanoTime() - complainedAt < COMPLAINT_NANOS) return;
        complainedAt = System.nanoTime();
        LOG.warn("Teacher tracking skipped a picture (said once a minute)", e);
    }

    private static int even(int n) {
        return n & ~1;
    }
}
