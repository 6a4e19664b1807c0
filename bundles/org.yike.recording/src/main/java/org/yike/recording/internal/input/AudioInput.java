package org.yike.recording.internal.input;

import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.yike.api.device.Source;
import org.yike.api.encoder.Profile;

/**
 * Decodes a microphone to interleaved 16-bit PCM at the profile's rate and channels, and queues it,
 * stamped with its arrival on the lesson's clock, for the program thread once that clock runs
 * (earlier sound belongs to no frame).
 */
public final class AudioInput extends SourceReader {

    /** Sound from a microphone as it arrived: when, on the lesson's clock, and whether its connection has just opened. */
    public record Arrival(long nanos, boolean opened, short[] samples) {
    }

    /** About ten seconds of 1024-sample chunks: a program thread stuck longer than that loses sound. */
    private static final int QUEUED_CHUNKS = 500;

    private final int sampleRate;
    private final int channels;
    /** Ten seconds of the lesson's clock, which runs faster than real time in simulations. */
    private final BlockingQueue<Arrival> queue;
    private final LongSupplier lessonNanos;
    private volatile boolean running;
    /** The connection has just opened: its first sound is placed by its arrival, not after what came before. */
    private boolean opened;

    /** @param lessonNanos the lesson's clock, which stamps each arrival */
    public AudioInput(Source source, Profile profile, LongSupplier lessonNanos, BiConsumer<Source, String> stateChanges,
            long lostAfterMillis, double speed) {
        super(source, stateChanges, lostAfterMillis);
        this.queue = new ArrayBlockingQueue<>((int) Math.ceil(QUEUED_CHUNKS * speed));
        this.lessonNanos = lessonNanos;
        this.sampleRate = profile.audioSampleRate();
        this.channels = profile.audioChannels();
    }

    @Override
    void configure(FFmpegFrameGrabber grabber) {
        grabber.setSampleRate(sampleRate);
        grabber.setAudioChannels(channels);
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
    }

    @Override
    void opened(FFmpegFrameGrabber grabber) {
        opened = true;
    }

    @Override
    boolean read(FFmpegFrameGrabber grabber) throws FFmpegFrameGrabber.Exception {
        Frame frame = grabber.grabSamples();
        if (frame == null) return false;
        if (running && frame.samples != null) {
            ShortBuffer in = ((ShortBuffer) frame.samples[0]).duplicate();
            short[] chunk = new short[in.remaining()];
            in.get(chunk);
            Arrival arrival = new Arrival(lessonNanos.getAsLong(), opened, chunk);
            opened = false;
            if (!queue.offer(arrival)) {
                queue.poll();
                queue.offer(arrival);
            }
        }
        return true;
    }

    /** From now on samples are kept. */
    public void run(boolean running) {
        this.running = running;
    }

    public List<Arrival> drain() {
        List<Arrival> chunks = new ArrayList<>();
        queue.drainTo(chunks);
        return chunks;
    }
}
