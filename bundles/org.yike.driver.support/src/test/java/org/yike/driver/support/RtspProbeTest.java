package org.yike.driver.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Instant;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.DeviceStatus.State;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.StreamSample;

/**
 * The RTSP-level question against real RTSP servers on loopback: Debian's GStreamer RTSP server
 * ({@code itests/gst-rtsp/server.py}, installed by {@code ./yike deps}), one open and one behind
 * digest authentication, both serving a short H.264 + AAC clip.
 */
public class RtspProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<Process> SERVERS = new ArrayList<>();
    private static Path work;
    private static int open;
    private static int guarded;

    @BeforeClass
    public static void startServers() throws Exception {
        work = Files.createDirectories(Path.of("target", "rtsp-probe"));
        Path clip = work.resolve("clip.mkv");
        Process make = server("make", "make", clip.toString(), "h264", "aac", "2");
        assertEquals("server.py make: " + Files.readString(work.resolve("make.log")), 0, make.waitFor());
        open = freePort();
        guarded = freePort();
        SERVERS.add(ready("open", server("open", "serve", Integer.toString(open), "/cam=" + clip + ":h264:aac")));
        SERVERS.add(ready("guarded", server("guarded", "serve", Integer.toString(guarded), "admin:s3cret",
                "/cam=" + clip + ":h264:aac")));
    }

    @AfterClass
    public static void stopServers() {
        SERVERS.forEach(Process::destroy);
    }

    @Test
    public void aCameraWithoutCredentialsIsAskedForItsOptions() {
        RtspProbe probe = RtspProbe.of(StreamLocator.of("rtsp://127.0.0.1:" + open + "/cam"));
        assertEquals("OPTIONS", probe.method());
        assertEquals(DeviceStatus.online(), probe.ask(TIMEOUT));
    }

    @Test
    public void credentialsAreCheckedWithDescribeAnsweringTheDigestChallenge() {
        RtspProbe probe = RtspProbe.of(StreamLocator.of("rtsp://admin:s3cret@127.0.0.1:" + guarded + "/cam"));
        assertEquals("DESCRIBE", probe.method());
        assertEquals(DeviceStatus.online(), probe.ask(TIMEOUT));
    }

    @Test
    public void aWrongPasswordIsSaidAsSuchWithoutQuotingIt() {
        DeviceStatus refused = RtspProbe.of(StreamLocator.of("rtsp://admin:wrong@127.0.0.1:" + guarded + "/cam")).ask(TIMEOUT);
        assertEquals(DeviceStatus.offline("the camera refused the user name or password (RTSP 401 Unauthorized)"), refused);
    }

    @Test
    public void aStreamTheCameraDoesNotHaveIsOffline() {
        assertEquals(DeviceStatus.offline("the camera has no such stream (RTSP 404 Not Found)"),
                RtspProbe.of(StreamLocator.of("rtsp://admin:s3cret@127.0.0.1:" + guarded + "/nothing")).ask(TIMEOUT));
    }

    @Test
    public void aClosedPortAndASilentServerAreOfflineWithTheReason() throws Exception {
        assertEquals(DeviceStatus.offline("Connection refused"),
                RtspProbe.of(StreamLocator.of("rtsp://127.0.0.1:" + freePort() + "/cam")).ask(TIMEOUT));
        try (ServerSocket silent = new ServerSocket(0)) {
            long start = System.nanoTime();
            DeviceStatus status = RtspProbe.of(StreamLocator.of("rtsp://127.0.0.1:" + silent.getLocalPort() + "/cam"))
                    .ask(Duration.ofSeconds(1));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(DeviceStatus.offline("no answer within 1 s"), status);
            assertTrue("gave up after " + seconds + " s", seconds >= 0.9 && seconds < 3);
        }
    }

    @Test
    public void onlyPlainRtspIsAskedSo() {
        assertEquals(null, RtspProbe.of(StreamLocator.of("rtmp://127.0.0.1/live/1")));
        assertEquals(null, RtspProbe.of(StreamLocator.of("rtsps://127.0.0.1/cam")));
        assertEquals(null, RtspProbe.of(new StreamLocator("rtsp://127.0.0.1/cam", "rtsp", java.util.Map.of())));
        assertEquals("OPTIONS", RtspProbe.of(StreamLocator.of("RTSP://127.0.0.1/cam")).method());
    }

    /**
     * A camera that no lesson reads is opened once, when it comes online, for what it sends and its
     * figures; from then on it is asked over RTSP only, and stays ONLINE.
     */
    @Test
    public void aWatchOpensTheStreamOnlyWhenTheCameraComesOnline() throws Exception {
        StreamLocator camera = StreamLocator.of("rtsp://admin:s3cret@127.0.0.1:" + guarded + "/cam");
        AtomicInteger opened = new AtomicInteger();
        MediaInfo h264 = new MediaInfo(0, List.of(new MediaInfo.Stream("video", "h264", "High", 640, 360, 25, 0, 0)), List.of());
        try (StreamWatch watch = new StreamWatch("yike-camera-cam1", "cam1", camera, TIMEOUT, Duration.ofMillis(300),
                (l, t, w) -> {
                    opened.incrementAndGet();
                    return new StreamSample(h264, new StreamFigures(25, 800_000, Instant.now()));
                }, l -> Optional.empty(), RtspProbe.of(camera))) {
            watch.start();
            assertEquals(new DeviceStatus(State.ONLINE, "h264 640x360 25 fps"), AwaitState.await(watch, State.ONLINE, 5000));
            Thread.sleep(2000);
            assertEquals("still online, asked over RTSP", State.ONLINE, watch.status().state());
            assertEquals("opened once", 1, opened.get());
            assertEquals(25, watch.figures().orElseThrow().framesPerSecond(), 0);
        }
    }

    private static Process server(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", System.getProperty("yike.gstrtsp") + "/server.py"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile())
                .redirectInput(new File("/dev/null")).start();
    }

    private static Process ready(String name, Process server) throws Exception {
        Path log = work.resolve(name + ".log");
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!Files.readString(log).contains("ready")) {
            if (!server.isAlive()) throw new AssertionError("the RTSP server " + name + " ended: " + Files.readString(log));
            if (System.nanoTime() > deadline) throw new AssertionError("the RTSP server " + name + " is not ready: " + log);
            Thread.sleep(50);
        }
        return server;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
