package org.yike.district.events.internal;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.rules.ExternalResource;

/**
 * Debian's nats-server (./yike deps installs it) with JetStream, on a free loopback port and a store of
 * the test's own: started and stopped by the test (its store kept across restarts), killed after it.
 */
final class NatsServer extends ExternalResource {

    private final int port;
    private Path store;
    private Process process;

    NatsServer() {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "nats://127.0.0.1:" + port;
    }

    @Override
    protected void before() throws IOException {
        store = Files.createTempDirectory("yike-nats-");
    }

    void start() throws Exception {
        process = new ProcessBuilder(executable(), "-a", "127.0.0.1", "-p", String.valueOf(port), "-js", "-sd", store.toString())
                .redirectErrorStream(true).redirectOutput(store.resolve("server.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("nats-server did not start: " + Files.readString(store.resolve("server.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    void stop() throws InterruptedException {
        if (process == null) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        process = null;
    }

    @Override
    protected void after() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(store)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static String executable() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin")) {
            if (new File(dir, "nats-server").canExecute()) return dir + "/nats-server";
        }
        throw new IllegalStateException("no nats-server: ./yike deps installs it (Debian's nats-server)");
    }
}
