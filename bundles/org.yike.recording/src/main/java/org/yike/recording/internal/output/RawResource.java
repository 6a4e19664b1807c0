package org.yike.recording.internal.output;

import java.nio.ByteBuffer;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;

/**
 * A raw source's own file in resource mode (a capture card, a USB camera without an encoder): its
 * pictures at its own size and frame rate, encoded once, on an encoder thread of their own, by the
 * backend the lesson's profiles use; pictures only, the sound is the program's.
 *
 * <p>The file's frames lie on the lesson's clock: frame k of the lesson at the file's frame rate is
 * at k / fps seconds. As in the program, a frame shows the newest picture that came before it, and
 * holds it until a newer one: a picture goes into the first frame at or after it came, a newer
 * one in the same frame replaces it. So the file begins a whole number of frames into the lesson
 * (its offset), and a picture is in the same lesson frame in the file and in the program.
 */
public final class RawResource {

    private static final Logger LOG = LoggerFactory.getLogger(RawResource.class);
    /**
     * Pictures in flight to the encoder. When it falls behind, a picture is left out (the file
     * holds the one before longer) rather than the source's reader held up, which the program waits on.
     */
    private static final int PICTURES_IN_FLIGHT = 8;
    private static final long NANOS = 1_000_000_000L;

    /** A lesson clock's answer before it has started: no picture then is part of the lesson. */
    public static final long NOT_STARTED = Long.MIN_VALUE;

    private final Profile profile;
    private final ProfileOutput output;
    private final ProgramFrame.Pool pictures;
    private final LongSupplier clock;
    private final LongConsumer started;
    /** The lesson frame (at the file's rate) that is the file's first, or -1 before it has begun. */
    private long first = -1;
    /** The newest picture kept, for lesson frame {@link #heldFrame}: it goes to the encoder once a later frame has one. */
    private ProgramFrame held;
    private long heldFrame;
    /** The lesson frame of the newest picture, kept or left out: the file lasts until it. */
    private long last;
    private long dropped;

    /**
     * @param clock the lesson's time in nanoseconds since its clock started, or {@link #NOT_STARTED}
     * @param started told the file's offset on the lesson's clock in microseconds, with its first picture
     */
    public RawResource(Profile profile, Encoding encoding, String lesson, LongSupplier clock, LongConsumer started) {
        this.profile = profile;
        this.clock = clock;
        this.started = started;
        this.pictures = new ProgramFrame.Pool(PICTURES_IN_FLIGHT, profile.width(), profile.height());
        this.output = new ProfileOutput(profile, encoding, lesson);
        output.start();
    }

    /**
     * The profile of a raw source's own file: its size, its frame rate (the program's where it
     * tells none), a key frame as often as the recording profile has one, no sound.
     */
    public static Profile of(String name, int width, int height, double fps, int kbps, Profile program) {
        int rate = fps >= 1 && fps <= 120 ? (int) Math.round(fps) : program.fps();
        int gop = Math.max(1, program.gopFrames() * rate / program.fps());
        return new Profile(name, width, height, rate, kbps, gop, 0, program.audioSampleRate(), program.audioChannels(),
                program.backend());
    }

    /** A copy of {@code i420} (the profile's size) goes to the file, if the lesson's clock runs; the reader goes on at once. */
    public void picture(ByteBuffer i420) {
        long at = clock.getAsLong();
        if (at == NOT_STARTED) return;
        long frame = -Math.floorDiv(-at * profile.fps(), NANOS);
        if (first < 0) {
            first = frame;
            started.accept(profile.frameTimeMicros(first));
        }
        last = frame;
        ProgramFrame f = pictures.fillIfFree(i420, 0, 1);
        if (f == null) {
            dropped++;
            return;
        }
        if (held != null && frame > heldFrame) pass(frame - 1);
        else if (held != null) held.release();
        held = f;
        heldFrame = frame;
    }

    /** The held picture goes to the encoder, for every frame of the file up to lesson frame {@code until}. */
    private void pass(long until) {
        held.timestampMicros = profile.frameTimeMicros(until - first);
        output.video(held);
        held = null;
    }

    /** Encodes what is queued and finishes the file (a failing encoder has said why already). */
    public void finish() {
        if (held != null) pass(last);
        output.finish();
        if (dropped > 0) LOG.warn("{}: {} pictures left out of its own file, its encoder being behind", profile.name(), dropped);
    }
}
