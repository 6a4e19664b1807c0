package org.yike.recording.internal.output;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.encoder.AudioChunk;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;

/**
 * One profile's encoder on its own thread, so the profiles of a lesson encode in parallel and the
 * program thread never waits for an encoder. It takes program pictures at its own frame rate (the
 * newest picture due at each of its frame times) and scaling to its size is the encoder's work.
 * A failing encoder ends only its own file.
 */
public final class ProfileOutput {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileOutput.class);
    private static final Object END = new Object();

    private record Sound(int sampleRate, int channels, long timestampMicros, short[] samples) {
    }

    final Profile profile;
    private final Encoding encoding;
    private final String lesson;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile String failure;
    private long next;

    public ProfileOutput(Profile profile, Encoding encoding, String lesson) {
        this.profile = profile;
        this.encoding = encoding;
        this.lesson = lesson;
        this.thread = new Thread(this::run, "yike-encode-" + lesson + "-" + profile.name());
    }

    public void start() {
        thread.start();
    }

    /** Takes a share of the picture; releases it when encoded (or at once, after a failure). */
    public void video(ProgramFrame frame) {
        if (failure != null) frame.release();
        else queue.add(frame);
    }

    public void audio(int sampleRate, int channels, long timestampMicros, short[] samples) {
        if (failure == null) queue.add(new Sound(sampleRate, channels, timestampMicros, samples));
    }

    /** Why this profile's file ended early, or {@code null}. */
    public String failure() {
        return failure;
    }

    /** Encodes what is queued, then finishes the file. */
    public void finish() {
        queue.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes an encoding that never started (a lesson that could not start). */
    public void abandon() {
        try {
            encoding.close();
        } catch (IOException ignored) {
            // nothing was recorded
        }
    }

    private void run() {
        try {
            for (Object item; (item = queue.take()) != END;) {
                if (item instanceof ProgramFrame f) {
                    try {
                        if (failure == null) {
                            for (; profile.frameTimeMicros(next) <= f.timestampMicros; next++) {
                                encoding.video(new VideoFrame(f.width, f.height, profile.frameTimeMicros(next),
                                        f.i420.duplicate()));
                            }
                        }
                    } finally {
                        f.release();
                    }
                } else if (item instanceof Sound s && failure == null) {
                    encoding.audio(new AudioChunk(s.sampleRate(), s.channels(), s.timestampMicros(),
                            ShortBuffer.wrap(s.samples())));
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = profile.name() + ": " + e.getMessage();
            LOG.error("Lesson {}: profile {} failed: {}", lesson, profile.name(), e.getMessage(), e);
            drainAfterFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            encoding.close();
        } catch (IOException e) {
            if (failure == null) failure = profile.name() + ": " + e.getMessage();
        }
    }

    /** After a failure, pictures still arriving are released until the end. */
    private void drainAfterFailure() {
        try {
            for (Object item; (item = queue.take()) != END;) {
                if (item instanceof ProgramFrame f) f.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
