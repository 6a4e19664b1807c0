package org.yike.recording.internal;

import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BiConsumer;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.yike.api.device.Source;
import org.yike.api.encoder.Profile;
import org.yike.api.runtime.Settings;

/**
 * Decodes a microphone to interleaved 16-bit PCM at the profile's rate and channels, and queues it
 * for the program thread once the lesson's clock runs (earlier sound belongs to no frame).
 */
final class AudioInput extends SourceReader {

    /** About ten seconds of 1024-sample chunks: a program thread stuck longer than that loses sound. */
    private static final int QUEUED_CHUNKS = 500;

    private final int sampleRate;
    private final int channels;
    /** Ten seconds of the lesson's clock, which runs faster than real time in simulations. */
    private final BlockingQueue<short[]> queue = new ArrayBlockingQueue<>((int) Math.ceil(QUEUED_CHUNKS * Settings.clockSpeed()));
    private volatile boolean running;

    AudioInput(Source source, Profile profile, BiConsumer<Source, String> stateChanges, long lostAfterMillis) {
        super(source, stateChanges, lostAfterMillis);
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
    boolean read(FFmpegFrameGrabber grabber) throws FFmpegFrameGrabber.Exception {
        Frame frame = grabber.grabSamples();
        if (frame == null) return false;
        if (running && frame.samples != null) {
            ShortBuffer in = ((ShortBuffer) frame.samples[0]).duplicate();
            short[] chunk = new short[in.remaining()];
            in.get(chunk);
            if (!queue.offer(chunk)) {
                queue.poll();
                queue.offer(chunk);
            }
        }
        return true;
    }

    /** From now on samples are kept. */
    void run(boolean running) {
        this.running = running;
    }

    int sampleRate() {
        return sampleRate;
    }

    int channels() {
        return channels;
    }

    List<short[]> drain() {
        List<short[]> chunks = new ArrayList<>();
        queue.drainTo(chunks);
        return chunks;
    }
}
