package org.yike.recording.internal.input;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.BiConsumer;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.media.ffmpeg.Ffmpeg;

/**
 * Reads one source on its own thread for the length of a lesson. When the source fails or ends it
 * is reopened after a growing pause (0.5 s up to 8 s); each loss and return is reported once.
 */
public abstract class SourceReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceReader.class);
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long LONGEST_RETRY_MILLIS = 8000;
    /**
     * How many sources of this JVM open at once: a lesson's cameras open in parallel (each opening
     * waits mostly for its camera's next key frame), but a school's server that starts many rooms'
     * lessons on the same bell does not hit every camera and NVR in the same second, nor decode
     * every camera's first pictures at once.
     */
    private static final Semaphore OPENING = new Semaphore(64);
    /** How javacv reports FFmpeg's failure to open a source. */
    private static final Pattern FFMPEG_ERROR = Pattern.compile("avformat_open_input\\(\\) error (-\\d+)");

    public final Source source;
    private final BiConsumer<Source, String> stateChanges;
    private final Thread thread;
    private volatile boolean closed;
    private volatile String problem;
    private final long lostAfterMillis;

    /** @param lostAfterMillis a network source silent this long is lost (FFmpeg's {@code rw_timeout}), then reopened */
    SourceReader(Source source, BiConsumer<Source, String> stateChanges, long lostAfterMillis) {
        this.lostAfterMillis = lostAfterMillis;
        this.source = source;
        this.stateChanges = stateChanges;
        this.thread = new Thread(this::run, "yike-source-" + source.key());
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Sets what this reader needs on the grabber (size, pixel or sample format) before it opens. */
    abstract void configure(FFmpegFrameGrabber grabber);

    /** Reads the next frame; {@code false} when the source has ended. */
    abstract boolean read(FFmpegFrameGrabber grabber) throws Exception;

    /** The source is open: what it turned out to be is known now. */
    void opened(FFmpegFrameGrabber grabber) throws Exception {
    }

    /** The source has just stopped delivering ({@link #problem()} says why); it is being reconnected. */
    void lost() {
    }

    /** The connection that {@link #opened} announced is over, for whatever reason. */
    void disconnected() {
    }

    /** The reader has stopped for good: nothing is read from the source after this. */
    void ended() {
    }

    /** Why the source is not delivering right now, or {@code null} while it is. */
    String problem() {
        return problem;
    }

    private void run() {
        try {
            readUntilClosed();
        } finally {
            ended();
        }
    }

    private void readUntilClosed() {
        long pause = FIRST_RETRY_MILLIS;
        while (!closed) {
            FFmpegFrameGrabber grabber = open(source.locator());
            try {
                // javacv's start() and release() hold one lock for every grabber in the JVM, so a
                // camera that takes its timeout to answer (or to hear a TEARDOWN) would hold back every
                // other source's opening and closing; FFmpeg's own opening and closing are thread-safe
                start(grabber);
                opened(grabber);
                if (problem != null) report(null);
                pause = FIRST_RETRY_MILLIS;
                while (!closed && read(grabber)) {
                    // the reader keeps what it needs
                }
                if (!closed) report("the source ended");
            } catch (Exception | Error e) {
                if (!closed) report(reason(e));
            } finally {
                disconnected();
                release(grabber);
            }
            if (closed) return;
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = Math.min(pause * 2, LONGEST_RETRY_MILLIS);
        }
    }

    /** Opens the source and reads which streams it carries, taking one of the {@link #OPENING} places meanwhile. */
    private static void start(FFmpegFrameGrabber grabber) throws FFmpegFrameGrabber.Exception, InterruptedException {
        OPENING.acquire();
        try {
            grabber.startUnsafe();
        } finally {
            OPENING.release();
        }
    }

    private FFmpegFrameGrabber open(StreamLocator locator) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(locator.uri());
        if (locator.format() != null) grabber.setFormat(locator.format());
        // a camera whose network goes quiet would otherwise hold its reader for ever; UDP's reading
        // thread keeps a timeout of its own
        if (locator.format() == null) {
            String micros = Long.toString(lostAfterMillis * 1000);
            grabber.setOption("rw_timeout", micros);
            if (locator.uri().startsWith("udp:")) grabber.setOption("timeout", micros);
        }
        for (Map.Entry<String, String> option : locator.options().entrySet()) {
            grabber.setOption(option.getKey(), option.getValue());
        }
        configure(grabber);
        return grabber;
    }

    private void release(FFmpegFrameGrabber grabber) {
        try {
            grabber.releaseUnsafe();
        } catch (Exception e) {
            // a source that failed often fails to close too: expected, after every lost connection
            LOG.debug("Source {} did not close cleanly: {}", source.key(), e.getMessage());
        }
    }

    /**
     * The source goes on, but its stream broke ({@code reason}: its clock went back, say): the lesson's
     * source events say so, as a loss and a return at the same moment.
     */
    void broke(String reason) {
        String said = StreamLocator.redact(reason);
        LOG.warn("Source {} ({}) broke: {}", source.key(), source.locator().redacted(), said);
        stateChanges.accept(source, said);
        stateChanges.accept(source, null);
    }

    /** FFmpeg's error number in words where the message carries one ("error -111" is "Connection refused"). */
    private static String reason(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher error = FFMPEG_ERROR.matcher(message);
        return error.find() ? "cannot open: " + Ffmpeg.errorText(Integer.parseInt(error.group(1))) : message;
    }

    /** Problems are told to people and written to lesson.json: a URI's password must not go with them. */
    private void report(String reason) {
        String newProblem = StreamLocator.redact(reason);
        if (newProblem == null ? problem == null : newProblem.equals(problem)) return;
        problem = newProblem;
        if (newProblem == null) LOG.info("Source {} is back", source.key());
        else LOG.warn("Source {} ({}) is lost: {}", source.key(), source.locator().redacted(), newProblem);
        if (newProblem != null) lost();
        stateChanges.accept(source, newProblem);
    }

    /** Stops reading after the frame being read, without waiting for it. */
    public void closing() {
        closed = true;
        thread.interrupt();
    }

    @Override
    public void close() {
        closing();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
