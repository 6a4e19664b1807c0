package org.yike.recording.internal.program;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacv.FrameFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.recording.internal.input.VideoInput;
import org.yike.recording.internal.output.ProgramFrame;

/**
 * The program's picture, made on the program thread: the shot on screen composed from its
 * sources' newest pictures ({@link Composer}), a dissolve from one shot to the next ({@link Fade}),
 * black until the first shot has its pictures. After a cut the last picture stays until the new
 * shot is ready ({@link Shot}).
 */
public final class ProgramPicture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramPicture.class);
    /** Program pictures in flight to the encoders; more would only hide an encoder that cannot keep up. */
    private static final int PICTURES_IN_FLIGHT = 8;

    private final String lesson;
    private final Map<String, VideoInput> video;
    private final ByteBuffer program;
    private final ProgramFrame.Pool pictures;
    private final Composer composer;
    /** {@code null}: a hard cut. */
    private final Fade fade;
    /** One picture per place in the largest layout, reused from shot to shot. */
    private final List<ByteBuffer> places;
    private Shot shot;
    private boolean composeFailed;

    /**
     * @param lesson the lesson's id, for the log
     * @param profile the recording profile: the program is made at its size
     * @param fadeFrames pictures a cut dissolves over; 0: a hard cut
     */
    public ProgramPicture(String lesson, Profile profile, int fadeFrames, Map<String, VideoInput> video) {
        this.lesson = lesson;
        this.video = video;
        int w = profile.width();
        int h = profile.height();
        program = ByteBuffer.allocateDirect(VideoFrame.bytes(w, h));
        blank(program);
        pictures = new ProgramFrame.Pool(PICTURES_IN_FLIGHT, w, h);
        composer = new Composer(w, h, profile.fps());
        fade = fadeFrames > 0 ? new Fade(w, h, fadeFrames) : null;
        places = Shot.pictures(w, h);
    }

    /** The opening shot, shown as soon as it is ready; see {@link #opening()}. */
    public void open(Directing directing, long freshNanos) {
        shot = new Shot(directing.decision(), directing.trigger(), directing.strategy(), video, places, null, freshNanos);
    }

    /** Before the lesson's clock starts: whether the opening shot has its pictures, now in the program. */
    public boolean opening() {
        if (!shot.update()) return false;
        compose(program);
        shot.firstShown();
        return true;
    }

    /** The shot on screen, or {@code null} while the opening shot waits for its pictures. */
    public Shot onScreen() {
        return shot.shownYet() ? shot : null;
    }

    /**
     * The director wants another shot: the program shows it once it is ready, dissolving from the
     * picture now; the same shot reframed pans without a dissolve.
     */
    public void cut(Directing directing, long freshNanos) {
        shot = new Shot(directing.decision(), directing.trigger(), directing.strategy(), video, places, shot, freshNanos);
        if (fade != null && !shot.reframe) fade.from(program);
    }

    /**
     * Each frame: the shot's newest pictures into the program; answers the shot if it went on
     * screen with this picture, else {@code null}.
     */
    public Shot update() {
        boolean fresh = shot.update();
        if (fresh) compose(fade != null && fade.running() ? fade.target() : program);
        if (fade != null && fade.running()) fade.step(program);
        return fresh && shot.firstShown() ? shot : null;
    }

    /** The program picture now, for {@code users} encoders; waits while every picture is in flight. */
    public ProgramFrame frame(long timestampMicros, int users) throws InterruptedException {
        return pictures.fill(program, timestampMicros, users);
    }

    /** Puts the shot's pictures into {@code into}; a layout that cannot be composed shows its main picture. */
    private void compose(ByteBuffer into) {
        try {
            composer.compose(shot.layout, shot.pictures(), into);
        } catch (FrameFilter.Exception | RuntimeException e) {
            if (!composeFailed) LOG.warn("Lesson {}: cannot compose {}; showing its main picture", lesson, shot.layout, e);
            composeFailed = true;
            into.clear();
            into.put(shot.pictures().get(0).duplicate().clear());
            into.flip();
        }
    }

    /** Black in I420: Y 16, U and V 128. */
    private static void blank(ByteBuffer i420) {
        int luma = i420.capacity() * 2 / 3;
        for (int i = 0; i < i420.capacity(); i++) i420.put(i, (byte) (i < luma ? 16 : 128));
    }

    @Override
    public void close() {
        composer.close();
    }
}
