package org.yike.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Before;

/**
 * A test of the product jar as a school runs it, in a process of its own: its data folder (named
 * after the test, its configuration from an earlier run forgotten), its HTTP port, and the process,
 * killed when the test ends whatever happened.
 */
abstract class ProductJarTest {

    final Path data = Path.of(System.getProperty("yike.itest.data"), getClass().getSimpleName());
    final int port = InYike.freePort();
    Process yike;

    @Before
    public void forgetConfiguration() {
        InYike.forgetConfiguration(data);
    }

    @After
    public void stopYike() {
        if (yike != null) yike.destroyForcibly();
    }

    /** Runs the machine's ffmpeg CLI (the lessons a test writes, as the recorder would have left them); it must succeed. */
    static void ffmpeg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals("ffmpeg " + command + ": " + out, 0, p.waitFor());
    }
}
