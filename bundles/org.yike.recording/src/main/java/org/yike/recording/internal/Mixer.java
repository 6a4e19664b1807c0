package org.yike.recording.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Mixes the classroom's microphones into the program's sound, each with its gain (0 mutes), on the
 * lesson's clock: the program thread asks for exactly the sample frames due, and a microphone that
 * has not delivered them (lost, or late) adds silence. Levels (RMS and peak, dBFS) are kept per
 * microphone until read.
 */
final class Mixer {

    /** The most a microphone may run ahead of the program before its oldest sound is dropped. */
    private static final double MOST_AHEAD_SECONDS = 1.0;

    /** Quieter than this is silence. */
    static final double SILENCE_DB = -120;

    /** A microphone's level since the last reading, in dB relative to full scale ({@link #SILENCE_DB} at least). */
    record Level(String source, double rmsDb, double peakDb) {
    }

    private final class Mic {
        final String key;
        final Supplier<List<short[]>> arrived;
        short[] fifo = new short[0];
        int start;
        int end;
        double sumSquares;
        long counted;
        int peak;

        Mic(String key, Supplier<List<short[]>> arrived) {
            this.key = key;
            this.arrived = arrived;
        }

        void take() {
            for (short[] chunk : arrived.get()) {
                if (end + chunk.length > fifo.length) {
                    int have = end - start;
                    short[] bigger = new short[Math.max(fifo.length, have + chunk.length) * 2];
                    System.arraycopy(fifo, start, bigger, 0, have);
                    fifo = bigger;
                    start = 0;
                    end = have;
                }
                System.arraycopy(chunk, 0, fifo, end, chunk.length);
                end += chunk.length;
            }
            int most = (int) (MOST_AHEAD_SECONDS * sampleRate) * channels;
            if (end - start > most) start = end - most;
        }
    }

    private final List<Mic> mics = new ArrayList<>();
    private final ToDoubleFunction<String> gain;
    private final int sampleRate;
    private final int channels;

    /** @param gain a microphone's linear gain by its source key, read at every mix (0 mutes it) */
    Mixer(int sampleRate, int channels, ToDoubleFunction<String> gain) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.gain = gain;
    }

    /** @param arrived the sound that arrived since the last call, interleaved at the mixer's rate and channels */
    void add(String key, Supplier<List<short[]>> arrived) {
        mics.add(new Mic(key, arrived));
    }

    int sampleRate() {
        return sampleRate;
    }

    int channels() {
        return channels;
    }

    /** The next {@code frames} sample frames of the mix, interleaved. */
    short[] mix(int frames) {
        int samples = frames * channels;
        int[] sum = new int[samples];
        for (Mic m : mics) {
            m.take();
            double g = gain.applyAsDouble(m.key);
            int available = Math.min(samples, m.end - m.start);
            for (int i = 0; i < available; i++) {
                int s = m.fifo[m.start + i];
                m.sumSquares += (double) s * s;
                m.peak = Math.max(m.peak, Math.abs(s));
                sum[i] += (int) Math.round(s * g);
            }
            m.counted += samples;
            m.start += available;
        }
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
        }
        return out;
    }

    /** Each microphone's level since the last call (before its gain: what the microphone hears). */
    List<Level> levels() {
        List<Level> levels = new ArrayList<>();
        for (Mic m : mics) {
            double rms = m.counted == 0 ? 0 : Math.sqrt(m.sumSquares / m.counted);
            levels.add(new Level(m.key, db(rms), db(m.peak)));
            m.sumSquares = 0;
            m.counted = 0;
            m.peak = 0;
        }
        return levels;
    }

    private static double db(double amplitude) {
        return amplitude <= 0 ? SILENCE_DB : Math.max(SILENCE_DB, 20 * Math.log10(amplitude / 32768.0));
    }
}
