package org.yike.vision.tracking.internal;

import java.util.ArrayList;
import java.util.List;

import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.ClassroomEvent.Type;
import org.yike.api.vision.Picture;

/**
 * Follows the teacher on one camera through one lesson: finds them in each picture, pans the window,
 * and says what the directors should hear. TEACHER_MOVED carries where the window is centred (its
 * {@code x}, and the configured height {@code frameY}): the framing to show, already calm; podium
 * changes need a second on the other side, so someone passing the line does not flap.
 */
final class Follower {

    /** Moves of the window smaller than this (0.2 % of the picture's width) are not told. */
    private static final double TOLD_MOVE = 0.002;
    private static final long PODIUM_NANOS = 1_000_000_000L;
    private static final long NOT_CROSSED = Long.MIN_VALUE;

    private final TrackingConfig config;
    private final PersonFinder finder;
    private final Pan pan;
    private final String room;
    private final String device;
    private final String sourceId;
    private long lastNanos = Long.MIN_VALUE;
    /** Where the teacher was last seen moving: still there while they stand still. */
    private double lastX = Double.NaN;
    private double lastY;
    private double told = Double.NaN;
    private boolean onPodium = true;
    /** Since when the teacher has been seen on the other side of the podium's edge. */
    private long crossedAt = NOT_CROSSED;

    Follower(TrackingConfig config, String room, String sourceKey) {
        this.config = config;
        this.finder = new PersonFinder(config.bandTop(), config.bandBottom(), config.threshold());
        this.pan = new Pan(config.windowWidth(), config.maxPanSpeed());
        this.room = room;
        int slash = sourceKey.indexOf('/');
        this.device = slash < 0 ? null : sourceKey.substring(0, slash);
        this.sourceId = slash < 0 ? sourceKey : sourceKey.substring(slash + 1);
    }

    /** The events this picture gives rise to, {@code nanos} its time ({@link System#nanoTime()} or a scene's clock). */
    List<ClassroomEvent> see(Picture picture, long nanos) {
        PersonFinder.Found person = finder.find(picture.data(), picture.width(), picture.height());
        double seconds = lastNanos == Long.MIN_VALUE ? 0 : (nanos - lastNanos) / 1e9;
        lastNanos = nanos;
        List<ClassroomEvent> events = new ArrayList<>();
        if (person != null) {
            lastX = person.x();
            lastY = person.y();
        }
        if (Double.isNaN(lastX)) return events;
        // a teacher who stopped while the window lagged behind is still framed: it pans on to where he stands
        double center = pan.follow(lastX, seconds);
        if (Double.isNaN(told) || Math.abs(center - told) >= TOLD_MOVE) {
            told = center;
            events.add(event(Type.TEACHER_MOVED, picture, center, config.frameY()));
        }
        podium(picture, nanos, events);
        return events;
    }

    /** A teacher who stopped beyond the podium's edge has left it all the same. */
    private void podium(Picture picture, long nanos, List<ClassroomEvent> events) {
        boolean inside = lastX >= config.podiumLeft() && lastX <= config.podiumRight();
        if (inside == onPodium) {
            crossedAt = NOT_CROSSED;
        } else if (crossedAt == NOT_CROSSED) {
            crossedAt = nanos;
        } else if (nanos - crossedAt >= PODIUM_NANOS) {
            onPodium = inside;
            crossedAt = NOT_CROSSED;
            events.add(event(inside ? Type.TEACHER_RETURNED : Type.TEACHER_LEFT_PODIUM, picture, lastX, lastY));
        }
    }

    /** The window's centre now, {@code NaN} before the teacher was first seen. */
    double center() {
        return pan.center();
    }

    private ClassroomEvent event(Type type, Picture picture, double x, double y) {
        return new ClassroomEvent(type, room, device, sourceId, picture.time(), x, y);
    }
}
