package org.yike.driver.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.yike.driver.support.AwaitState.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.DeviceStatus.State;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.ReaderState;
import org.yike.media.StreamSample;

public class StreamWatchTest {

    private static final StreamLocator CAMERA = StreamLocator.of("rtsp://admin:s3cret@cam/stream1");
    private static final MediaInfo H264 = new MediaInfo(0, List.of(
            new MediaInfo.Stream("video", "h264", "High", 1920, 1080, 25, 0, 0),
            new MediaInfo.Stream("audio", "aac", "LC", 0, 0, 0, 48000, 1)), List.of());
    private static final StreamFigures FIGURES = new StreamFigures(25, 4_000_000, Instant.now());

    @Test
    public void connectingUntilTheFirstAnswerThenOnline() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        try (StreamWatch watch = new StreamWatch("yike-camera-cam1", "cam1", CAMERA, Duration.ofSeconds(1), Duration.ofSeconds(30), (l, t, w) -> {
            try {
                asked.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted");
            }
            return new StreamSample(H264, FIGURES);
        })) {
            watch.start();
            assertEquals(new DeviceStatus(State.CONNECTING, "asking rtsp://***@cam/stream1"), watch.status());
            assertEquals(Optional.empty(), watch.figures());
            asked.countDown();
            assertEquals(new DeviceStatus(State.ONLINE, "h264 1920x1080 25 fps, aac 48000 Hz"),
                    await(watch, State.ONLINE, 2000));
            assertEquals(Optional.of(FIGURES), watch.figures());
        }
    }

    @Test
    public void offlineWithTheReasonThenAskedAgainAfterASecond() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (StreamWatch watch = new StreamWatch("yike-camera-cam1", "cam1", CAMERA, Duration.ofSeconds(1), Duration.ofSeconds(30), (l, t, w) -> {
            if (calls.incrementAndGet() == 1) throw new IOException("Connection refused");
            return new StreamSample(H264, FIGURES);
        })) {
            watch.start();
            assertEquals(DeviceStatus.offline("Connection refused"), await(watch, State.OFFLINE, 2000));
            long start = System.nanoTime();
            await(watch, State.ONLINE, 3000);
            assertTrue((System.nanoTime() - start) / 1e6 > 800);
        }
    }

    @Test
    public void aStreamWithoutPictureIsOffline() throws Exception {
        MediaInfo soundOnly = new MediaInfo(0, List.of(H264.streams().get(1)), List.of());
        try (StreamWatch watch = new StreamWatch("yike-camera-cam1", "cam1", CAMERA, Duration.ofSeconds(1), Duration.ofSeconds(30), (l, t, w) -> new StreamSample(soundOnly, FIGURES))) {
            watch.start();
            assertEquals(DeviceStatus.offline("the stream has no picture: aac 48000 Hz"),
                    await(watch, State.OFFLINE, 2000));
            assertEquals("figures are a picture's", Optional.empty(), watch.figures());
        }
    }

    @Test
    public void closingInterruptsAProbeUnderWay() throws Exception {
        CountDownLatch probing = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        StreamWatch watch = new StreamWatch("yike-camera-cam1", "cam1", CAMERA, Duration.ofSeconds(30), Duration.ofSeconds(30), (l, t, w) -> {
            probing.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            throw new IOException("interrupted");
        });
        watch.start();
        assertTrue(probing.await(2, TimeUnit.SECONDS));
        long start = System.nanoTime();
        watch.close();
        assertTrue(interrupted.await(0, TimeUnit.SECONDS));
        assertTrue((System.nanoTime() - start) / 1e6 < 1000);
        assertEquals("the last answer stands", State.CONNECTING, watch.status().state());
    }

    /**
     * While a lesson reads the stream, the state is the lesson's reads: ONLINE with what it carries and
     * its figures, OFFLINE with the reader's reason within a second of the loss, ONLINE again when the
     * reader is back; the stream is never opened meanwhile. Once the lesson is over the camera is asked
     * at once, over RTSP (here a closed port).
     */
    @Test
    public void aStreamThatALessonReadsTakesItsStateFromTheReads() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicReference<Optional<ReaderState>> reader = new AtomicReference<>(
                Optional.of(new ReaderState(null, null, Duration.ZERO, null)));
        StreamLocator closed = StreamLocator.of("rtsp://127.0.0.1:" + closedPort() + "/stream1");
        try (StreamWatch watch = new StreamWatch("yike-camera-cam1", "cam1", closed, Duration.ofSeconds(5),
                Duration.ofSeconds(30), (l, t, w) -> {
                    opened.incrementAndGet();
                    return new StreamSample(H264, FIGURES);
                }, l -> reader.get(), RtspProbe.of(closed))) {
            watch.start();
            Thread.sleep(1500);
            assertEquals("the lesson's reader opens the stream", State.CONNECTING, watch.status().state());
            reader.set(Optional.of(new ReaderState(H264, null, Duration.ofMillis(40), FIGURES)));
            assertEquals(new DeviceStatus(State.ONLINE, "h264 1920x1080 25 fps, aac 48000 Hz"),
                    await(watch, State.ONLINE, 2000));
            assertEquals(Optional.of(FIGURES), watch.figures());

            reader.set(Optional.of(new ReaderState(null, "Connection timed out", Duration.ofSeconds(5), null)));
            long lost = System.nanoTime();
            assertEquals(DeviceStatus.offline("Connection timed out"), await(watch, State.OFFLINE, 2000));
            assertTrue("within a second and a bit", (System.nanoTime() - lost) / 1e6 < 1500);
            assertEquals(Optional.empty(), watch.figures());

            reader.set(Optional.of(new ReaderState(H264, null, Duration.ZERO, null)));
            await(watch, State.ONLINE, 2000);
            reader.set(Optional.of(new ReaderState(H264, null, Duration.ofSeconds(6), null)));
            assertEquals(DeviceStatus.offline("no packet for 6 s"), await(watch, State.OFFLINE, 2000));
            reader.set(Optional.of(new ReaderState(H264, null, Duration.ZERO, null)));
            await(watch, State.ONLINE, 2000);

            reader.set(Optional.empty());
            assertEquals("asked over RTSP once the lesson is over", DeviceStatus.offline("Connection refused"),
                    await(watch, State.OFFLINE, 2000));
            assertEquals("never opened", 0, opened.get());
        }
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    public void aCameraWithAControlApiIsOnlineWhenItsPictureIsToo() {
        DeviceStatus answers = new DeviceStatus(State.ONLINE, "DS-2CD2043G2");
        DeviceStatus refused = DeviceStatus.offline("HTTP 401");
        assertEquals(refused, StreamWatch.together(refused, DeviceStatus.online()));
        assertEquals(DeviceStatus.offline("stream: Connection refused"),
                StreamWatch.together(answers, DeviceStatus.offline("Connection refused")));
        assertEquals(new DeviceStatus(State.ONLINE, "DS-2CD2043G2; h264 1920x1080 25 fps"),
                StreamWatch.together(answers, new DeviceStatus(State.ONLINE, "h264 1920x1080 25 fps")));
    }

    @Test
    public void aRateNotToldYetIsLeftOut() {
        MediaInfo hurried = new MediaInfo(0, List.of(new MediaInfo.Stream("video", "h264", "High", 1920, 1080, 0, 0, 0),
                H264.streams().get(1)), List.of());
        assertEquals("h264 1920x1080, aac 48000 Hz", StreamWatch.describe(hurried));
    }

    @Test
    public void retriesBackOffUpToAMinute() {
        Duration d = Backoff.FIRST;
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < 8; i++, d = Backoff.after(d)) steps.append(d.toSeconds()).append(' ');
        assertEquals("1 2 4 8 16 32 60 60 ", steps.toString());
    }
}
