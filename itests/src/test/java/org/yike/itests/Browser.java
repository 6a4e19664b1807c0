package org.yike.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The browser harness in itests/browser (live-page.mjs, wall.mjs): Debian's chromium driven by
 * playwright-core, each script printing one JSON object a line about what a viewer sees.
 */
final class Browser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HARNESS = Path.of(System.getProperty("yike.browser"));

    private Browser() {
    }

    /** Runs a script of the harness to its end (at most timeoutSeconds) and answers its lines. */
    static List<JsonNode> run(int timeoutSeconds, String script, String... args) throws IOException, InterruptedException {
        assertTrue("the harness is not installed: run ./yike deps", Files.isDirectory(HARNESS.resolve("node_modules/playwright-core")));
        List<String> command = new ArrayList<>(List.of("node", HARNESS.resolve(script).toString()));
        command.addAll(List.of(args));
        Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<JsonNode> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    synchronized (lines) {
                        lines.add(JSON.readTree(line));
                    }
                }
            } catch (IOException e) {
                // the process ended; its exit code tells
            }
        });
        reader.start();
        if (!node.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail(script + " ran over " + timeoutSeconds + " s");
        }
        reader.join(5000);
        if (node.exitValue() != 0) {
            fail(script + " exited " + node.exitValue() + " after " + lines);
        }
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
