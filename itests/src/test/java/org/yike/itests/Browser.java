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
final class Browser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path HARNESS = Path.of(System.getProperty("yike.browser"));

    private final String script;
    private final Process node;
    private final Thread reader;
    private final List<JsonNode> lines = new ArrayList<>();

    /** Logged in as {@code user} with {@code password} (through the login form, where the script opens a page). */
    private Browser(String user, String password, String script, String... args) throws IOException {
        assertTrue("the harness is not installed: run ./yike deps", Files.isDirectory(HARNESS.resolve("node_modules/playwright-core")));
        this.script = script;
        List<String> command = new ArrayList<>(List.of("node", HARNESS.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        b.environment().put("YIKE_USER", user);
        b.environment().put("YIKE_PASSWORD", password);
        node = b.start();
        reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null;) {
                    JsonNode json = JSON.readTree(line);
                    synchronized (lines) {
                        lines.add(json);
                    }
                }
            } catch (IOException e) {
                // the process ended; its exit code tells
            }
        });
        reader.start();
    }

    /** Runs a script of the harness as the runtime's {@code admin} to its end (at most timeoutSeconds) and answers its lines. */
    static List<JsonNode> run(int timeoutSeconds, Path data, String script, String... args) throws IOException, InterruptedException {
        try (Browser b = start(data, script, args)) {
            return b.finish(timeoutSeconds);
        }
    }

    /** Runs a script of the harness logged in as this user, to its end (at most timeoutSeconds), and answers its lines. */
    static List<JsonNode> runAs(String user, String password, int timeoutSeconds, String script, String... args)
            throws IOException, InterruptedException {
        try (Browser b = new Browser(user, password, script, args)) {
            return b.finish(timeoutSeconds);
        }
    }

    /** Starts a script of the harness; its lines are read as it prints them ({@link #lines()}). */
    static Browser start(Path data, String script, String... args) throws IOException {
        // the first administrator's first password is the admin token of the runtime's data folder
        return new Browser("admin", Files.readString(data.resolve("admin.token")).strip(), script, args);
    }

    /** The lines printed so far. */
    List<JsonNode> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Closes the script's standard input: live-page.mjs takes that as the end of watching. */
    void stop() throws IOException {
        node.getOutputStream().close();
    }

    /** Waits for the script's end (at most timeoutSeconds), which must be a success; answers all its lines. */
    List<JsonNode> finish(int timeoutSeconds) throws InterruptedException {
        if (!node.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            fail(script + " ran over " + timeoutSeconds + " s after " + lines());
        }
        reader.join(5000);
        if (node.exitValue() != 0) {
            fail(script + " exited " + node.exitValue() + " after " + lines());
        }
        return lines();
    }

    /** Ends the script if it still runs (a test that failed meanwhile); SIGTERM, on which playwright closes chromium. */
    @Override
    public void close() {
        if (node.isAlive()) node.destroy();
    }
}
