package org.yike.kit.driver;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.After;
import org.junit.Test;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.DeviceStatus.State;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;
import org.yike.media.MediaRuntime;

/**
 * What every device driver does, checked the same way for each: extend it in the driver bundle's
 * tests. The test makes devices the way DS would ({@code new} with a {@link ComponentConfig}),
 * against a real peer it runs itself ({@link LiveStream}, an FFmpeg test source), and says how to
 * take that peer away and bring it back.
 */
public abstract class DriverConformanceTest {

    private static MediaRuntime media;
    private final List<Device> active = new ArrayList<>();

    /** The bundled FFmpeg, loaded once for the test JVM, as the media bundle's service would be. */
    protected static synchronized MediaRuntime media() throws IOException {
        if (media == null) media = MediaRuntime.outsideFramework();
        return media;
    }

    /** A device made from {@code configuration} as DS would: the component's constructor or activate method. */
    protected abstract Device activate(Map<String, Object> configuration) throws Exception;

    /**
     * What DS does when the configuration is deleted: calls the component's {@code deactivate()}, DS's
     * default name (found by name: the {@code @Deactivate} annotation is not kept at run time); a
     * component whose method has another name or takes arguments overrides this.
     */
    protected void deactivate(Device device) throws Exception {
        Method method = deactivateMethod(device.getClass());
        method.setAccessible(true);
        try {
            method.invoke(device);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw (Error) e.getCause();
        }
    }

    private static Method deactivateMethod(Class<?> component) throws NoSuchMethodException {
        for (Class<?> c = component; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod("deactivate");
            } catch (NoSuchMethodException notHere) {
                // DS looks in the superclasses too
            }
        }
        throw new NoSuchMethodException(component.getName() + " has no deactivate(): override deactivate(Device)");
    }

    /** A configuration that works against the peer this test runs. */
    protected abstract Map<String, Object> workingConfiguration() throws Exception;

    /** A configuration that cannot work (a field wrong, or nobody at the address). */
    protected abstract Map<String, Object> wrongConfiguration() throws Exception;

    /** How the names of the threads the driver starts begin, e.g. {@code yike-camera-}. */
    protected abstract String threadPrefix();

    /** A peer the test runs ({@link LiveStream}, {@link LiveMicrophone}): it can be taken away and brought back. */
    public interface Peer {
        void stop() throws Exception;

        void start() throws Exception;
    }

    /** The peer the working configuration's device talks to; none for a driver whose sources are made in-process. */
    protected Peer peer() throws Exception {
        return null;
    }

    /** Takes the peer away; {@code false} where there is none to lose. */
    protected boolean losePeer() throws Exception {
        Peer peer = peer();
        if (peer == null) return false;
        peer.stop();
        return true;
    }

    protected void restorePeer() throws Exception {
        Peer peer = peer();
        if (peer != null) peer.start();
    }

    /** A loopback port that refuses connections, for a wrong configuration: nobody listens on it. */
    protected static int refusingPort() throws IOException {
        try (ServerSocket nobody = new ServerSocket(0)) {
            return nobody.getLocalPort();
        }
    }

    /** How long each step may take: a state to be reached, a first picture to come. */
    protected Duration timeLimit() {
        return Duration.ofSeconds(20);
    }

    @After
    public void deactivateWhatIsLeft() throws Exception {
        for (Device d : active) deactivate(d);
        active.clear();
    }

    @Test
    public void aConfiguredDeviceHasItsSourcesAndGoesOnline() throws Exception {
        Device device = make(workingConfiguration());
        assertFalse("id", device.id().isBlank());
        assertFalse("driver", device.driver().isBlank());
        assertFalse("classroom", device.classroom().isBlank());
        assertNotNull("status", device.status());
        // a camera with a control API (ONVIF) names its streams only once it has answered
        awaitState(device, State.ONLINE::equals);
        assertFalse("sources", device.sources().isEmpty());
        Set<String> ids = new HashSet<>();
        for (Source s : device.sources()) {
            assertEquals(s.key(), device.id(), s.deviceId());
            assertTrue("unique source id " + s.id(), ids.add(s.id()));
        }
    }

    @Test
    public void eachSourceDeliversWithinTheTimeLimit() throws Exception {
        Device device = make(workingConfiguration());
        awaitState(device, State.ONLINE::equals);
        for (Source s : device.sources()) deliver(s);
    }

    /** A device list shows each camera's pictures per second and bitrate: the main picture's are measured (cameras only). */
    @Test
    public void theMainPictureIsMeasuredOnceOnline() throws Exception {
        Device device = make(workingConfiguration());
        awaitState(device, State.ONLINE::equals);
        Optional<Source> main = device.sources().stream().filter(s -> !s.isAudio()).findFirst();
        assumeTrue("a microphone has no picture to measure", main.isPresent());
        Source picture = main.get();
        long deadline = System.currentTimeMillis() + timeLimit().toMillis();
        Optional<StreamFigures> figures;
        while ((figures = device.figures(picture.id())).isEmpty()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError(picture.key() + " was never measured");
            Thread.sleep(100);
        }
        assertTrue(picture.key() + ": " + figures.get(), figures.get().framesPerSecond() > 0);
    }

    @Test
    public void aLostPeerIsReportedAndFoundAgain() throws Exception {
        Device device = make(workingConfiguration());
        awaitState(device, State.ONLINE::equals);
        assumeTrue("the driver has no peer that can go away", losePeer());
        DeviceStatus lost = awaitState(device, s -> s != State.ONLINE);
        assertFalse("a reason for " + lost.state(), lost.reason().isBlank());
        restorePeer();
        awaitState(device, State.ONLINE::equals);
        deliver(device.sources().get(0));
    }

    @Test
    public void aWrongConfigurationIsOfflineWithAReasonNotAnException() throws Exception {
        Device device = make(wrongConfiguration());
        DeviceStatus status = awaitState(device, State.OFFLINE::equals);
        assertFalse("a reason a person can act on", status.reason().isBlank());
    }

    @Test
    public void removalStopsItsThreadsAndClosesItsConnections() throws Exception {
        Set<Thread> before = threads();
        Device device = make(workingConfiguration());
        awaitState(device, State.ONLINE::equals);
        Set<Integer> ports = device.sources().stream().map(s -> port(s.locator().uri())).filter(p -> p > 0)
                .collect(Collectors.toSet());
        active.remove(device);
        deactivate(device);
        long deadline = System.currentTimeMillis() + 5000;
        Set<Thread> left;
        while (!(left = threads()).stream().allMatch(before::contains) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        left.removeAll(before);
        assertTrue("threads still running after deactivate: " + left, left.isEmpty());
        assertEquals("connections to the peer still open after deactivate", 0, connectionsTo(ports));
    }

    private Device make(Map<String, Object> configuration) throws Exception {
        Device device = activate(configuration);
        active.add(device);
        return device;
    }

    /** Waits for a state that {@code wanted} accepts, failing with the last status after {@link #timeLimit()}. */
    protected DeviceStatus awaitState(Device device, Predicate<State> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeLimit().toMillis();
        DeviceStatus status;
        while (!wanted.test((status = device.status()).state())) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("device " + device.id() + " stayed " + status);
            Thread.sleep(100);
        }
        return status;
    }

    /** Opens the source the way the recording engine does and reads a picture, or for a microphone sound. */
    protected void deliver(Source source) throws Exception {
        long start = System.nanoTime();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(source.locator().uri())) {
            if (source.locator().format() != null) g.setFormat(source.locator().format());
            g.setOptions(source.locator().options()); // the driver's own timeouts bound the wait
            g.start();
            Frame f = source.isAudio() ? g.grabSamples() : g.grabImage();
            assertNotNull(source.key() + " delivered nothing", f);
            assertTrue(source.key() + " delivered an empty frame", source.isAudio() ? f.samples != null : f.imageWidth > 0);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(source.key() + " took " + took, took.compareTo(timeLimit()) < 0);
    }

    private Set<Thread> threads() {
        String prefix = threadPrefix();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static int port(String uri) {
        try {
            return new URI(uri).getPort();
        } catch (URISyntaxException notAUrl) {
            return -1; // an FFmpeg filter graph or a device path: nothing to connect to
        }
    }

    /** Established TCP connections of this JVM to one of {@code ports} (Linux: /proc/self/fd and /proc/net/tcp). */
    private static long connectionsTo(Set<Integer> ports) throws IOException {
        if (ports.isEmpty()) return 0;
        Set<String> ours = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) ours.add(link.substring(8, link.length() - 1));
                } catch (IOException closedMeanwhile) {
                    // the descriptor of the listing itself, or one closed since
                }
            }
        }
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                int remotePort = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                if (f[3].equals("01") && ports.contains(remotePort) && ours.contains(f[9])) count++;
            }
        }
        return count;
    }
}
