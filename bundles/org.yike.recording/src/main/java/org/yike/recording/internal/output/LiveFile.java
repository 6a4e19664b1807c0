package org.yike.recording.internal.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Reads a file that an encoder is still writing, from its first byte: at its end it waits for more
 * while the lesson runs, and ends once the lesson has ended and all of it is read. Reading the
 * file rather than taking packets from the encoder keeps a slow reader from ever holding it up.
 */
public final class LiveFile extends InputStream {

    /** How often the end of the file is looked at again; the encoder flushes each packet. */
    private static final long POLL_NANOS = 10_000_000;

    private final FileChannel file;
    private final BooleanSupplier running;

    public LiveFile(Path path, BooleanSupplier running) throws IOException {
        this.file = FileChannel.open(path, StandardOpenOption.READ);
        this.running = running;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (true) {
            // asked before reading: what the encoder wrote before it ended is read before the end
            boolean more = running.getAsBoolean();
            int n = file.read(ByteBuffer.wrap(b, off, len));
            if (n > 0) return n;
            if (!more) return -1;
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.interrupted()) throw new InterruptedIOException("reading the live profile was interrupted");
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
