package org.yike.recording.internal.program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.yike.recording.internal.input.AudioInput.Arrival;

/**
 * Mixes the classroom's microphones into the program's sound, each with its gain (0 mutes), on the
 * lesson's clock: the program thread asks for exactly the sample frames due, and a microphone that
 * has not delivered them (lost, or late) adds silence. Levels (RMS and peak, dBFS) are kept per
 * microphone until read.
 *
 * <p>Each microphone's sound keeps its place on the lesson's clock. A connection's first sound is
 * placed where it arrived; what follows, sample after sample from there. Arrival times correct the
 * count where it cannot be right: sound that comes earlier than counted (a microphone whose clock
 * runs fast, or a burst whose first part was placed by its arrival) moves back at once, with the
 * sound queued before it; sound that comes later than counted for a whole watch window, without
 * one arrival on time, was lost on the way (a sound card's overrun), and what follows moves by as
 * much.
 *
 * <p>Sound that comes after its moments were mixed (a reader that stalled, a device that delivers
 * in bursts) is not lost: the microphone is played that much later. Once a whole watch window's
 * sound came with time to spare, the delay goes, and as much of the sound with it, so a stall costs
 * a few seconds out of step and one short gap rather than a lasting offset.
 */
public final class Mixer {

    /** The most sound a microphone may have queued before its oldest is dropped (a stuck program thread). */
    private static final double MOST_QUEUED_SECONDS = 10;
    /** Earlier than counted by more than this, sound moves to its arrival: arrival jitter is never early. */
    private static final double EARLY_SECONDS = 0.02;
    /** How long arrivals are watched before sound later than counted is taken as lost, and by how much. */
    private static final double WATCH_SECONDS = 2;
    /** Every arrival of a watch later than counted by more than this: the sound between was lost. */
    private static final double LOST_SECONDS = 0.1;

    /** Quieter than this is silence. */
    static final double SILENCE_DB = -120;

    /** A microphone's level since the last reading, in dB relative to full scale ({@link #SILENCE_DB} at least). */
    public record Level(String source, double rmsDb, double peakDb) {
    }

    /** Queued sound: {@code samples[offset, limit)}, heard from sample frame {@code at} of the lesson. */
    private static final class Span {
        long at;
        final short[] samples;
        int offset;
        int limit;

        Span(long at, short[] samples) {
            this.at = at;
            this.samples = samples;
            this.limit = samples.length;
        }
    }

    private final class Mic {
        final String key;
        final Supplier<List<Arrival>> arrived;
        final ArrayDeque<Span> queue = new ArrayDeque<>();
        /** The lesson's sample frame where the next sound belongs; none before the first arrival. */
        long next = Long.MIN_VALUE;
        /** How far behind where it belongs sound is played, so that sound which came late is not lost. */
        long delay;
        long queuedFrames;
        long watchEnds;
        long leastLate;
        /** The least time between a sound's arrival and its turn in the mix, during this watch. */
        long leastSpare;
        double sumSquares;
        long counted;
        int peak;

        Mic(String key, Supplier<List<Arrival>> arrived) {
            this.key = key;
            this.arrived = arrived;
        }

        void take() {
            for (Arrival a : arrived.get()) {
                int frames = a.samples().length / channels;
                // sound begins where it arrived, as a picture is shown from its arrival
                long arrivedAt = a.nanos() * sampleRate / 1_000_000_000L;
                if (a.opened() || next == Long.MIN_VALUE) {
                    next = arrivedAt;
                    delay = 0;
                    watch(arrivedAt);
                } else if (arrivedAt < next - frames(EARLY_SECONDS)) {
                    // what came before was heard earlier too: a burst's last arrival is the one on time
                    for (Span s : queue) s.at -= next - arrivedAt;
                    next = arrivedAt;
                    watch(arrivedAt);
                } else {
                    leastLate = Math.min(leastLate, arrivedAt - next);
                }
                long at = next + delay;
                dropFrom(at);
                queue.add(new Span(at, a.samples()));
                leastSpare = Math.min(leastSpare, at - mixed);
                next += frames;
                queuedFrames += frames;
                if (arrivedAt >= watchEnds) {
                    if (leastLate > frames(LOST_SECONDS)) next += leastLate;
                    // a whole watch with time to spare: the delay goes, and as much sound with it
                    if (leastSpare > 0) delay -= Math.min(delay, leastSpare);
                    watch(arrivedAt);
                }
            }
            Span first = queue.peek();
            if (first != null && first.at < mixed) {
                // its moments are mixed already: played later rather than lost
                long late = mixed - first.at;
                for (Span s : queue) s.at += late;
                delay += late;
                leastSpare = Math.min(leastSpare, 0);
            }
            while (queuedFrames > frames(MOST_QUEUED_SECONDS)) queuedFrames -= left(queue.poll());
        }

        private void watch(long from) {
            watchEnds = from + frames(WATCH_SECONDS);
            leastLate = Long.MAX_VALUE;
            leastSpare = Long.MAX_VALUE;
        }

        /** Drops what is queued from sample frame {@code from} on, for newer sound to take its place. */
        private void dropFrom(long from) {
            while (!queue.isEmpty()) {
                Span last = queue.peekLast();
                long end = last.at + left(last);
                if (end <= from) return;
                long cut = Math.min(end - from, left(last));
                last.limit -= (int) cut * channels;
                queuedFrames -= cut;
                if (left(last) == 0) queue.pollLast();
            }
        }

        /** Adds this microphone's sound for frames {@code [from, from + frames)} to {@code sum}. */
        void mixInto(int[] sum, long from, int frames, double gain) {
            long to = from + frames;
            while (!queue.isEmpty()) {
                Span s = queue.peek();
                long end = s.at + left(s);
                if (s.at >= to) break;
                long first = Math.max(s.at, from);
                long last = Math.min(end, to);
                for (long f = first; f < last; f++) {
                    int in = s.offset + (int) (f - s.at) * channels;
                    int out = (int) (f - from) * channels;
                    for (int c = 0; c < channels; c++) {
                        int sample = s.samples[in + c];
                        sumSquares += (double) sample * sample;
                        peak = Math.max(peak, Math.abs(sample));
                        sum[out + c] += (int) Math.round(sample * gain);
                    }
                }
                long used = last - s.at;
                queuedFrames -= used;
                if (last < end) {
                    s.offset += (int) used * channels;
                    s.at = last;
                    break;
                }
                queue.poll();
            }
            counted += (long) frames * channels;
        }
    }

    private final List<Mic> mics = new ArrayList<>();
    private final ToDoubleFunction<String> gain;
    private final int sampleRate;
    private final int channels;
    /** The lesson's sample frames mixed so far. */
    private long mixed;

    /** @param gain a microphone's linear gain by its source key, read at every mix (0 mutes it) */
    public Mixer(int sampleRate, int channels, ToDoubleFunction<String> gain) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.gain = gain;
    }

    /** @param arrived the sound that arrived since the last call, interleaved at the mixer's rate and channels */
    public void add(String key, Supplier<List<Arrival>> arrived) {
        mics.add(new Mic(key, arrived));
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** The next {@code frames} sample frames of the mix, interleaved. */
    public short[] mix(int frames) {
        int[] sum = new int[frames * channels];
        for (Mic m : mics) {
            m.take();
            m.mixInto(sum, mixed, frames, gain.applyAsDouble(m.key));
        }
        mixed += frames;
        short[] out = new short[sum.length];
        for (int i = 0; i < sum.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
        }
        return out;
    }

    /** Each microphone's level since the last call (before its gain: what the microphone hears). */
    public List<Level> levels() {
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

    private int left(Span s) {
        return (s.limit - s.offset) / channels;
    }

    private long frames(double seconds) {
        return Math.round(seconds * sampleRate);
    }

    private static double db(double amplitude) {
        return amplitude <= 0 ? SILENCE_DB : Math.max(SILENCE_DB, 20 * Math.log10(amplitude / 32768.0));
    }
}
