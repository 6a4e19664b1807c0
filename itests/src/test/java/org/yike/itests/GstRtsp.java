package org.yike.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's GStreamer RTSP server on loopback ({@code itests/gst-rtsp/server.py}, installed by
 * {@code ./yike deps}): makes test clips and serves them as live cameras, each server a process
 * of its own that the test can pull and start again.
 */
final class GstRtsp implements AutoCloseable {

    private static final String SERVER = System.getProperty("yike.gstrtsp") + "/server.py";

    private final Path work;
    private final List<Process> servers = new ArrayList<>();

    /** {@code work}: where the clips and each server's log go. */
    GstRtsp(Path work) throws IOException {
        this.work = Files.createDirectories(work);
    }

    Path work() {
        return work;
    }

    /** A clip of {@code seconds} with a test picture and a tone, e.g. {@code h264} with {@code aac}. */
    Path clip(String name, String video, String audio, int seconds) throws Exception {
        Path clip = work.resolve(name + ".mkv");
        Process p = start("make-" + name, "make", clip.toString(), video, audio, Integer.toString(seconds));
        assertEquals("server.py make " + clip, 0, p.waitFor());
        return clip;
    }

    /** Starts a server on {@code port} with mounts such as {@code /path=CLIP:h264:aac} (first {@code USER:PASSWORD} for digest) and waits until it listens. */
    Process serve(String name, int port, String... mounts) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", Integer.toString(port)));
        args.addAll(List.of(mounts));
        Process p = start(name, args.toArray(new String[0]));
        servers.add(p);
        Path log = work.resolve(name + ".log");
        Await.until("the RTSP server " + name + " ready (its log: " + log + ")", 15, () -> {
            if (!p.isAlive()) throw new AssertionError("the RTSP server " + name + " ended: " + Files.readString(log));
            return Files.readString(log).contains("ready");
        });
        return p;
    }

    private Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", SERVER));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile())
                .redirectInput(new File("/dev/null")).start();
    }

    @Override
    public void close() {
        servers.forEach(Process::destroy);
    }
}
