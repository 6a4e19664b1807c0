package org.yike.media.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;
import org.yike.media.ReaderState;
import org.yike.media.StreamReading;
import org.yike.media.StreamSample;

/** Probing and sampling live streams, and sampling a stream that a reader in this JVM reads already. */
public class StreamProbeTest {

    private static MediaRuntime media;

    @BeforeClass
    public static void loadFfmpeg() throws IOException {
        media = FfmpegRuntime.load(Path.of("target", "yike-data"));
    }

    @Test
    public void readsTheStreamsOfASource() throws IOException {
        MediaInfo info = media.probe(new StreamLocator("testsrc2=size=320x240:rate=25", "lavfi", Map.of()),
                Duration.ofSeconds(5));
        MediaInfo.Stream video = info.video().orElseThrow();
        assertEquals(320, video.width());
        assertEquals(240, video.height());
        assertEquals(25, video.frameRate(), 0.01);
    }

    @Test
    public void samplesThePicturesPerSecondAndTheBitrateOverAWindowOfTheStreamsTime() throws IOException {
        StreamSample sample = media.sample(new StreamLocator("testsrc2=size=160x120:rate=25", "lavfi", Map.of()),
                Duration.ofSeconds(5), Duration.ofSeconds(1));
        assertEquals(160, sample.info().video().orElseThrow().width());
        assertEquals(25, sample.figures().framesPerSecond(), 0.01);
        // lavfi's packets wrap a raw picture in memory: their size is the wrapper's, the same for each
        assertEquals(0, sample.figures().bitsPerSecond() % 25);
        assertTrue(sample.figures().bitsPerSecond() > 0);
        assertEquals("no window, no figures", 0, media.sample(new StreamLocator("testsrc2=rate=25", "lavfi", Map.of()),
                Duration.ofSeconds(5), Duration.ZERO).figures().framesPerSecond(), 0);
    }

    @Test
    public void aRefusedConnectionIsSaidInWordsWithoutTheCredentials() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String message = failure(new StreamLocator("rtsp://admin:s3cret@127.0.0.1:" + closed + "/stream1", null,
                Map.of("rtsp_transport", "tcp")), Duration.ofSeconds(5));
        assertEquals("Connection refused", message);
    }

    @Test
    public void aServerThatNeverAnswersIsGivenUpAtTheDeadline() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            long start = System.nanoTime();
            // no FFmpeg socket timeout: only the probe's own deadline ends the wait
            String message = failure(StreamLocator.of("rtsp://127.0.0.1:" + silent.getLocalPort() + "/stream1"),
                    Duration.ofSeconds(1));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals("no complete answer within 1 s", message);
            assertTrue("gave up after " + seconds + " s", seconds >= 0.9 && seconds < 3);
        }
    }

    @Test
    public void anInterruptedProbeEndsAtOnce() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread interrupter = in300ms(Thread.currentThread()::interrupt);
            long start = System.nanoTime();
            String message = failure(StreamLocator.of("rtsp://127.0.0.1:" + silent.getLocalPort() + "/stream1"),
                    Duration.ofSeconds(30));
            assertTrue("the interrupt flag stays set", Thread.interrupted());
            assertEquals("interrupted", message);
            assertTrue((System.nanoTime() - start) / 1e9 < 3);
            interrupter.join();
        }
    }

    /**
     * A stream that a reader in this JVM reads is measured from that reader's packets, not opened a
     * second time: the test plays the reader, telling 10 pictures a second of a stream that, opened,
     * would give 25.
     */
    @Test
    public void aStreamBeingReadIsMeasuredFromItsReaderAndOpenedAgainOnceItsReaderClosesIt() throws Exception {
        StreamLocator locator = new StreamLocator("testsrc2=size=160x120:rate=25", "lavfi", Map.of());
        StreamSample opened = sample(locator);
        assertEquals("opened: 25 fps", 25, opened.figures().framesPerSecond(), 0.01);

        StreamReading reading = media.reading(locator);
        assertTrue("opening", media.reader(locator).orElseThrow().opening());
        reading.connected(opened.info());
        Thread reader = reader(reading);
        StreamSample read = sample(locator);
        assertEquals("what the reader said it carries", 160, read.info().video().orElseThrow().width());
        assertEquals("the reader's pictures", 10, read.figures().framesPerSecond(), 0.01);
        assertEquals("the reader's bytes: 1000 a picture, 200 of sound", 96_000, read.figures().bitsPerSecond());
        assertEquals(10, media.reader(locator).orElseThrow().figures().framesPerSecond(), 0.01);

        reading.close();
        reader.interrupt();
        reader.join();
        assertTrue("no reader", media.reader(locator).isEmpty());
        assertEquals("opened again", 25, sample(locator).figures().framesPerSecond(), 0.01);
    }

    /** A reader whose connection is lost says why, and nothing opens the stream meanwhile. */
    @Test
    public void aStreamWhoseReaderLostItIsNotOpenedAgainButFailsWithTheReadersReason() throws Exception {
        StreamLocator locator = new StreamLocator("testsrc2=size=128x96:rate=25", "lavfi", Map.of());
        MediaInfo carried = media.probe(locator, Duration.ofSeconds(5));
        try (StreamReading reading = media.reading(locator)) {
            reading.connected(carried);
            reading.lost("Connection timed out");
            ReaderState state = media.reader(locator).orElseThrow();
            assertEquals("Connection timed out", state.problem());
            assertNull(state.carried());
            try {
                sample(locator);
                fail("a lost stream is not opened a second time");
            } catch (IOException e) {
                assertEquals("Connection timed out", e.getMessage());
            }
            reading.connected(carried);
            assertNull("back", media.reader(locator).orElseThrow().problem());
            assertEquals("what the reader said, at once", 128, media.probe(locator, Duration.ofMillis(1)).video().orElseThrow().width());
        }
    }

    @Test
    public void aMeasurementUnderWayWhenTheReaderClosesTheStreamOpensItInstead() throws Exception {
        StreamLocator locator = new StreamLocator("testsrc2=size=176x144:rate=25", "lavfi", Map.of());
        StreamReading silent = media.reading(locator);
        Thread closer = in300ms(silent::close);
        assertEquals("opened when its reader gave up", 25, sample(locator).figures().framesPerSecond(), 0.01);
        closer.join();
    }

    private static String failure(StreamLocator locator, Duration timeout) {
        try {
            media.probe(locator, timeout);
            fail("the probe of " + locator.redacted() + " should fail");
            return null;
        } catch (IOException e) {
            assertFalse(e.getMessage(), e.getMessage().contains("s3cret") || e.getMessage().contains("rtsp://"));
            return e.getMessage();
        }
    }

    private static StreamSample sample(StreamLocator locator) throws IOException {
        return media.sample(locator, Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    /** Tells a picture of 1000 bytes and a sound packet of 200 every 100 ms of stream time, faster than real time, until interrupted. */
    private static Thread reader(StreamReading reading) {
        Thread t = new Thread(() -> {
            for (long micros = 0; !Thread.currentThread().isInterrupted(); micros += 100_000) {
                reading.picture(micros, 1000);
                reading.other(200);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Runs {@code action} on a thread of its own 300 ms from now, unless the thread is interrupted first. */
    private static Thread in300ms(Runnable action) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            action.run();
        });
        t.start();
        return t;
    }
}
