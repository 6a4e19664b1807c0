package org.yike.publish.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;

/**
 * A lesson file on its way out: at most {@code bitsPerSecond} on average (0: no limit), counting
 * every byte read, and stopping with {@link Stopped} as soon as {@code go} says no (the job was
 * cancelled, the target's time window closed) or the thread is interrupted (the runtime stops).
 */
final class Throttle extends FilterInputStream {

    /** The transfer was stopped on purpose, not broken. */
    static final class Stopped extends IOException {
        private static final long serialVersionUID = 1L;

        Stopped(String why) {
            super(why);
        }
    }

    interface Progress {
        void sent(long bytes);
    }

    private final long bitsPerSecond;
    private final BooleanSupplier go;
    private final String whyStopped;
    private final Progress progress;
    private final long started = System.nanoTime();
    private long read;

    Throttle(InputStream in, long bitsPerSecond, BooleanSupplier go, String whyStopped, Progress progress) {
        super(in);
        this.bitsPerSecond = bitsPerSecond;
        this.go = go;
        this.whyStopped = whyStopped;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (Thread.currentThread().isInterrupted()) throw new Stopped("the runtime is stopping");
        if (!go.getAsBoolean()) throw new Stopped(whyStopped);
        // small reads keep a limited rate smooth rather than bursty
        int n = super.read(b, off, bitsPerSecond > 0 ? (int) Math.min(len, Math.max(1024, bitsPerSecond / 8 / 20)) : len);
        if (n > 0) {
            read += n;
            progress.sent(n);
            pace();
        }
        return n;
    }

    private void pace() throws IOException {
        if (bitsPerSecond <= 0) return;
        long due = started + read * 8 * 1_000_000_000L / bitsPerSecond;
        long wait = due - System.nanoTime();
        if (wait <= 0) return;
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("interrupted");
        }
    }

    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("skip the file before it is throttled");
    }
}
