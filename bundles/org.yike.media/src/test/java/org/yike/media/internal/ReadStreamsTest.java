package org.yike.media.internal;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaRuntime;
import org.yike.media.StreamReading;
import org.yike.media.StreamSample;

/**
 * A stream that a reader in this JVM reads is measured from that reader's packets, not opened a
 * second time: the test plays the reader, telling 10 pictures a second of a stream that, opened,
 * would give 25.
 */
public class ReadStreamsTest {

    private static MediaRuntime media;

    @BeforeClass
    public static void loadFfmpeg() throws IOException {
        media = FfmpegRuntime.load(Path.of("target", "yike-data"));
    }

    @Test
    public void aStreamBeingReadIsMeasuredFromItsReaderAndOpenedAgainOnceItsReaderClosesIt() throws Exception {
        StreamLocator locator = new StreamLocator("testsrc2=size=160x120:rate=25", "lavfi", Map.of());
        assertEquals("opened: 25 fps", 25, sample(locator).figures().framesPerSecond(), 0.01);

        StreamReading reading = media.reading(locator);
        Thread reader = reader(reading);
        StreamSample read = sample(locator);
        assertEquals("what the last probe found it carries", 160, read.info().video().orElseThrow().width());
        assertEquals("the reader's pictures", 10, read.figures().framesPerSecond(), 0.01);
        assertEquals("the reader's bytes: 1000 a picture, 200 of sound", 96_000, read.figures().bitsPerSecond());

        reading.close();
        reader.interrupt();
        reader.join();
        assertEquals("opened again", 25, sample(locator).figures().framesPerSecond(), 0.01);
    }

    @Test
    public void aMeasurementUnderWayWhenTheReaderClosesTheStreamOpensItInstead() throws Exception {
        StreamLocator locator = new StreamLocator("testsrc2=size=176x144:rate=25", "lavfi", Map.of());
        sample(locator);
        StreamReading silent = media.reading(locator);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            silent.close();
        });
        closer.start();
        assertEquals("opened when its reader gave up", 25, sample(locator).figures().framesPerSecond(), 0.01);
        closer.join();
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
}
