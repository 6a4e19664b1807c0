package org.yike.kit.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A microphone without a sound card, for a driver's tests: a PulseAudio server of the test's own
 * (Debian's {@code pulseaudio}, which {@code ./yike deps} installs) plays a sine tone as a source,
 * paced by its clock as a card's would be, and ALSA's {@code pulse} plugin makes that source the
 * capture device {@link #NAME} in the ALSA configuration file the test JVM's
 * {@code ALSA_CONFIG_PATH} names (libasound reads it instead of the machine's). FFmpeg's
 * {@code alsa} input then opens it like any card. {@link #stop()} takes the server away (the device
 * no longer opens, a reader loses it), {@link #start()} brings it back on the same socket.
 */
public final class LiveMicrophone implements DriverConformanceTest.Peer, AutoCloseable {

    public static final String NAME = "yike_tone";

    private final Path folder;
    private final Path socket;
    private final Path log;
    private final int hz;
    private Process server;

    /**
     * @param alsaConfig the file {@code ALSA_CONFIG_PATH} names; the server's log goes beside it, its
     * socket and other files to a short temporary folder, whatever the checkout's path (a UNIX
     * socket's path has at most 107 bytes)
     */
    public LiveMicrophone(Path alsaConfig, int hz) throws IOException {
        this.log = Files.createDirectories(alsaConfig.toAbsolutePath().getParent()).resolve("pulseaudio.log");
        this.folder = Files.createTempDirectory("yike-pulse");
        this.socket = folder.resolve("pulse.sock");
        this.hz = hz;
        Files.writeString(alsaConfig, """
                pcm.%s {
                    type pulse
                    server "unix:%s"
                    device "tone"
                }
                """.formatted(NAME, socket));
    }

    /** The microphone in the configuration that surefire names in {@code ALSA_CONFIG_PATH} (see the alsa driver's pom.xml). */
    public static LiveMicrophone fromEnvironment(int hz) throws IOException {
        String config = System.getenv("ALSA_CONFIG_PATH");
        if (config == null) throw new IllegalStateException("ALSA_CONFIG_PATH is not set: run the test through Maven");
        return new LiveMicrophone(Path.of(config), hz);
    }

    public synchronized void start() throws IOException {
        Files.deleteIfExists(socket);
        ProcessBuilder b = new ProcessBuilder("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--use-pid-file=no", "--disable-shm=yes", "--log-target=stderr", "--log-level=error",
                "-L", "module-native-protocol-unix auth-anonymous=1 socket=" + socket,
                "-L", "module-sine-source source_name=tone rate=48000 frequency=" + hz)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // its state and runtime files beside the socket, apart from any other PulseAudio of this user
        b.environment().put("PULSE_RUNTIME_PATH", folder.resolve("pulse-runtime").toString());
        b.environment().put("PULSE_STATE_PATH", folder.resolve("pulse-state").toString());
        try {
            server = b.start();
        } catch (IOException e) {
            throw new IOException("cannot start pulseaudio (./yike deps installs it): " + e.getMessage(), e);
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.exists(socket)) {
            if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                throw new IOException("pulseaudio did not start: " + Files.readString(log));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    public synchronized void stop() {
        if (server == null) return;
        server.destroy();
        try {
            if (!server.waitFor(5, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + folder, e);
        }
    }
}
