package org.yike.vision.standup.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.accumulateWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.yike.api.device.ClassroomEvent.Type;

/**
 * Stand-ups in one camera's grey pictures, by background subtraction: a running average of the
 * picture (corrected for the room's brightness) is the empty-looking classroom; what differs from it,
 * cleaned by morphology, falls into blobs. A person rising is an upright blob whose foot lies in a
 * seat zone and which stays in place for the configured time; it ends when its blob is gone. Pictures
 * of any size are worked on at most {@link #WORK_WIDTH} wide. With a {@link PersonModel}, the model's
 * map of standing people takes the place of what differs from the room, and the same rules follow.
 * Not thread-safe: one per source, fed by one thread; {@link #close()} frees the native memory.
 */
final class StandUpDetector implements AutoCloseable {

    /** A rectangle of the picture, in fractions 0..1 from the top left. */
    record Zone(double x, double y, double width, double height) {

        /** {@code "x,y,width,height"}, each 0..1. */
        static Zone parse(String text) {
            String[] p = text.split(",");
            if (p.length != 4) throw new IllegalArgumentException("a seat zone is x,y,width,height, not " + text);
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(p[i].trim());
                if (!(v[i] >= 0 && v[i] <= 1)) throw new IllegalArgumentException("a seat zone's numbers are 0..1: " + text);
            }
            return new Zone(v[0], v[1], v[2], v[3]);
        }

        boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= y && py <= y + height;
        }
    }

    /**
     * Where people sit, how long someone must be up before it counts, and the sensitivity 0..100
     * (higher finds fainter, smaller people, and more that are not).
     */
    record Settings(List<Zone> seats, Duration stay, int sensitivity) {
        Settings {
            if (seats.isEmpty()) throw new IllegalArgumentException("no seat zone");
            if (stay.isNegative()) throw new IllegalArgumentException("a negative time up: " + stay);
            if (sensitivity < 0 || sensitivity > 100) throw new IllegalArgumentException("sensitivity is 0..100, not " + sensitivity);
            seats = List.copyOf(seats);
        }
    }

    /** What the detector saw: someone stood up or sat down at x, y (fractions of the picture). */
    record Change(Type type, Instant time, double x, double y) {
    }

    /** The width the detector works at: enough for a person at the back of a room, a quarter of the work of 640. */
    static final int WORK_WIDTH = 320;
    /** How long the empty room's picture takes to follow slow changes (daylight) where nothing is seen. */
    private static final double BACKGROUND_SECONDS = 8;
    /** How long to take in what stays (a bag put down, a student who stands for minutes) as part of the room. */
    private static final double ABSORB_SECONDS = 300;
    /** How long a standing person's blob may be missing (a picture lost, a moment matching the room) before they count as sat. */
    private static final Duration GONE = Duration.ofMillis(600);
    /** Past this share of the picture changing at once, the lights or the camera changed: learn the room anew. */
    private static final double SCENE_CHANGE = 0.35;
    /**
     * Past this share changing, too much goes on to tell a stand-up (a class moving about, a picture
     * full of motion): nobody is reported up until it calms down. One student up changes about 2 %.
     */
    private static final double BUSY = 0.12;
    /** The least share of its box a person's blob fills: ragged blobs are motion, not a body. */
    private static final double SOLID = 0.4;

    private final List<Zone> seats;
    private final Duration stay;
    private final double difference;
    private final double minArea;
    private final double minHeight;
    private final PersonModel model;

    private final Mat work = new Mat();
    private final Mat scaled = new Mat();
    private final Mat background = new Mat();
    private final Mat diff = new Mat();
    private final Mat mask = new Mat();
    private final Mat still = new Mat();
    private final Mat labels = new Mat();
    private final Mat stats = new Mat();
    private final Mat centroids = new Mat();
    private final Mat open = getStructuringElement(MORPH_ELLIPSE, new Size(3, 3));
    private final Mat close = getStructuringElement(MORPH_ELLIPSE, new Size(9, 9));
    private final Mat grow = getStructuringElement(MORPH_ELLIPSE, new Size(7, 7));
    private final Size smooth = new Size(3, 3);
    private Mat picture;
    private Size workSize;
    private int pictureWidth;
    private int pictureHeight;
    private Instant last;
    private final List<Track> tracks = new ArrayList<>();

    /** {@code model}: the school's network, or null for background subtraction; not closed by this detector. */
    StandUpDetector(Settings settings, PersonModel model) {
        this.model = model;
        seats = settings.seats();
        stay = settings.stay();
        int dull = 100 - settings.sensitivity();
        difference = 10 + 0.3 * dull; // grey levels of difference: 25 at 50
        minArea = 0.001 + 0.00004 * dull; // of the picture: 0.3 % at 50, a back-row pupil half risen; a head is under 0.2 %
        minHeight = 0.03 + 0.0006 * dull; // of the picture's height: 6 % at 50, a back-row pupil half risen
    }

    /** The changes that {@code grey} (one byte per pixel, rows packed), taken at {@code time}, shows. */
    List<Change> see(Instant time, int width, int height, byte[] grey) {
        if (width != pictureWidth || height != pictureHeight) restart(width, height);
        picture.data().put(grey, 0, width * height);
        if (workSize != null) {
            resize(picture, work, workSize, 0, 0, INTER_AREA);
        } else {
            picture.copyTo(work);
        }
        if (model != null) {
            model.standing(work, mask);
            List<Change> changes = new ArrayList<>();
            follow(time, blobs(), false, changes);
            return changes;
        }
        blur(work, work, smooth);
        double seconds = last == null ? 0 : Math.max(0, Duration.between(last, time).toMillis() / 1000.0);
        last = time;
        if (background.empty()) {
            work.convertTo(background, CV_32F);
            return List.of();
        }
        // the room's brightness as the background knows it: flickering or dimming lights scale every pixel
        double gain;
        try (Scalar room = mean(background); Scalar now = mean(work)) {
            gain = room.get(0) / Math.max(1, now.get(0));
        }
        work.convertTo(scaled, CV_32F, gain, 0);
        absdiff(scaled, background, diff);
        threshold(diff, diff, difference, 255, THRESH_BINARY);
        diff.convertTo(mask, CV_8U);
        morphologyEx(mask, mask, MORPH_OPEN, open);
        morphologyEx(mask, mask, MORPH_CLOSE, close);

        List<Change> changes = new ArrayList<>();
        double changed = countNonZero(mask) / (double) (mask.rows() * mask.cols());
        if (changed > SCENE_CHANGE) {
            for (Track t : tracks) if (t.up) changes.add(t.change(Type.STUDENT_SAT_DOWN, time));
            tracks.clear();
            scaled.copyTo(background);
            return changes;
        }
        follow(time, blobs(), changed > BUSY, changes);
        learn(seconds);
        return changes;
    }

    private record Blob(int left, int top, int width, int height) {
        double centreX() {
            return left + width / 2.0;
        }

        boolean overlaps(Blob o) {
            return left < o.left + o.width && o.left < left + width && top < o.top + o.height && o.top < top + height;
        }
    }

    /** Upright blobs big enough for a person, standing on a seat zone. */
    private List<Blob> blobs() {
        int n = connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
        int w = mask.cols();
        int h = mask.rows();
        List<Blob> found = new ArrayList<>();
        try (IntIndexer s = stats.createIndexer()) {
            for (int i = 1; i < n; i++) {
                Blob b = new Blob(s.get(i, 0), s.get(i, 1), s.get(i, 2), s.get(i, 3));
                int area = s.get(i, 4);
                if (area < minArea * w * h || area < SOLID * b.width * b.height || b.height < minHeight * h
                        || b.height < 0.8 * b.width) {
                    continue;
                }
                double footX = b.centreX() / w;
                double footY = (double) (b.top + b.height) / h;
                if (seats.stream().anyMatch(z -> z.contains(footX, footY))) found.add(b);
            }
        }
        return found;
    }

    /** Someone possibly up: the blob they make, since when, and whether it was reported. */
    private final class Track {
        final Instant since;
        final Blob first;
        Blob blob;
        Instant seen;
        boolean up;

        Track(Blob blob, Instant time) {
            this.first = blob;
            this.blob = blob;
            this.since = time;
            this.seen = time;
        }

        Change change(Type type, Instant time) {
            return new Change(type, time, blob.centreX() / mask.cols(), (blob.top + blob.height / 2.0) / mask.rows());
        }

        /** Risen and in place: the top not lower than when first seen, the middle not moved by more than half its width. */
        boolean standing() {
            return blob.top <= first.top + first.height / 4 && Math.abs(blob.centreX() - first.centreX()) <= first.width / 2.0 + 2;
        }
    }

    private void follow(Instant time, List<Blob> found, boolean busy, List<Change> changes) {
        List<Blob> free = new ArrayList<>(found);
        for (Track t : tracks) {
            Blob match = null;
            for (Blob b : free) {
                if (b.overlaps(t.blob) && (match == null || b.width * b.height > match.width * match.height)) match = b;
            }
            if (match != null) {
                free.remove(match);
                t.blob = match;
                t.seen = time;
            }
        }
        for (Iterator<Track> i = tracks.iterator(); i.hasNext();) {
            Track t = i.next();
            if (Duration.between(t.seen, time).compareTo(GONE) > 0) {
                if (t.up) changes.add(t.change(Type.STUDENT_SAT_DOWN, time));
                i.remove();
            } else if (!t.up && !busy && t.seen.equals(time) && Duration.between(t.since, time).compareTo(stay) >= 0) {
                if (t.standing()) {
                    t.up = true;
                    changes.add(t.change(Type.STUDENT_STOOD_UP, time));
                } else {
                    i.remove(); // someone walking or bending: not a stand-up, and not to be reported later
                }
            }
        }
        for (Blob b : free) tracks.add(new Track(b, time));
    }

    /**
     * The room's picture follows where nothing is seen (with a margin round what is), and takes in
     * everything very slowly, so that what stays for minutes stops being seen.
     */
    private void learn(double seconds) {
        if (seconds <= 0) return;
        dilate(mask, still, grow);
        bitwise_not(still, still);
        accumulateWeighted(scaled, background, Math.min(0.5, seconds / BACKGROUND_SECONDS), still);
        accumulateWeighted(scaled, background, Math.min(0.5, seconds / ABSORB_SECONDS));
    }

    /** A new picture size: the room is learnt anew. */
    private void restart(int width, int height) {
        if (picture != null) picture.close();
        picture = new Mat(height, width, CV_8UC1);
        if (workSize != null) workSize.close();
        workSize = width > WORK_WIDTH ? new Size(WORK_WIDTH, Math.max(2, Math.round((float) height * WORK_WIDTH / width))) : null;
        pictureWidth = width;
        pictureHeight = height;
        background.release();
        tracks.clear();
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {picture, work, scaled, background, diff, mask, still, labels, stats, centroids, open, close, grow}) {
            if (m != null) m.close();
        }
        smooth.close();
        if (workSize != null) workSize.close();
    }
}
