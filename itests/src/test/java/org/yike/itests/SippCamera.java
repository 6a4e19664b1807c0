package org.yike.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GB/T 28181 camera played by SIPp (Debian's sip-tester) from the scenarios in itests/sipp, on
 * loopback, against the platform at {@code platformPort}.
 */
final class SippCamera implements AutoCloseable {

    static final String PLATFORM = "34020000002000000001";
    static final String DOMAIN = PLATFORM.substring(0, 10);

    private final String id;
    private final int platformPort;
    private final Path work;
    private final List<Process> processes = new ArrayList<>();
    /** The port the camera's answers name for its RTP, where it listens when the platform connects over TCP. */
    private final int answerPort = InYike.freePort();

    /** @param id the camera's 20-digit id; its channels are it with 131 and 1, 2 in place of 132 and 1 */
    SippCamera(String id, int platformPort, Path work) throws IOException {
        this.id = id;
        this.platformPort = platformPort;
        this.work = Files.createDirectories(work);
    }

    String channel(int n) {
        return id.substring(0, 10) + "131" + id.substring(13, 19) + n;
    }

    int answerPort() {
        return answerPort;
    }

    /** The log of the answers' scenario: the INVITEs' RTP ports ("rtp port ssrc") and the BYEs. */
    Path answersLog() {
        return work.resolve("answers.log");
    }

    /**
     * Runs {@code scenario} as the camera with {@code password}, keepalives every second; with the
     * answers to the platform's queries and INVITEs (camera-answers.xml) where {@code answers}.
     */
    Process run(String scenario, String password, boolean answers) throws IOException {
        return run(scenario, password, answers, "127.0.0.1");
    }

    /** As {@link #run(String, String, boolean)}, from {@code address} (another loopback address, say). */
    Process run(String scenario, String password, boolean answers, String address) throws IOException {
        Path scenarios = Path.of(System.getProperty("yike.sipp"));
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + platformPort, "-sf",
                scenarios.resolve(scenario).toString(), "-s", id, "-au", id, "-ap", password, "-key", "platform", PLATFORM,
                "-key", "domain", DOMAIN, "-key", "channel1", channel(1), "-key", "channel2", channel(2),
                "-key", "camport", Integer.toString(answerPort),
                "-i", address, "-p", Integer.toString(InYike.freeUdpPort()), "-m", "1", "-d", "1000",
                "-trace_err", "-error_file", work.resolve(scenario + ".errors").toString()));
        if (answers) {
            command.addAll(List.of("-oocsf", inGb2312(scenarios.resolve("camera-answers.xml")).toString(),
                    "-trace_logs", "-log_file", answersLog().toString()));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(scenario + ".out").toFile())
                .redirectInput(new File("/dev/null")).start();
        processes.add(p);
        return p;
    }

    /**
     * The answers' scenario with its Chinese channel names in GB2312, as its bodies declare and as
     * cameras send them: SIPp sends the bytes of its scenario file as they are.
     */
    private Path inGb2312(Path scenario) throws IOException {
        Path copy = work.resolve("camera-answers-gb2312.xml");
        Files.write(copy, Files.readString(scenario, StandardCharsets.UTF_8).getBytes(Charset.forName("GB2312")));
        return copy;
    }

    /** The offers' {@code a=setup} lines, in the order the INVITEs came, as SIPp logged them. */
    List<String> setups() throws IOException {
        return log().stream().filter(l -> l.startsWith("rtp ")).map(l -> l.replaceAll(".*, (a=setup:[a-z]+|)\\)$", "$1")).toList();
    }

    /** The port, SSRC and transport each INVITE's SDP named, in the order they came, as SIPp logged them. */
    List<String[]> invites() throws IOException {
        List<String[]> invites = new ArrayList<>();
        for (String line : log()) {
            if (line.startsWith("rtp ")) invites.add(Arrays.copyOfRange(line.split(" "), 1, 4));
        }
        return invites;
    }

    /** The PTZ commands SIPp had, in order, each as "channel command". */
    List<String> ptzCommands() throws IOException {
        return log().stream().filter(l -> l.startsWith("ptz ")).map(l -> l.substring(4)).toList();
    }

    /** What SIPp wrote to the error file of its last run of {@code scenario} (unexpected messages, in full). */
    String errors(String scenario) throws IOException {
        Path errors = work.resolve(scenario + ".errors");
        return Files.exists(errors) ? Files.readString(errors, StandardCharsets.ISO_8859_1) : "";
    }

    /** How many BYEs SIPp had from the platform. */
    long byes() throws IOException {
        return log().stream().filter("bye"::equals).count();
    }

    private List<String> log() throws IOException {
        return Files.exists(answersLog()) ? Files.readAllLines(answersLog(), StandardCharsets.ISO_8859_1) : List.of();
    }

    /** Stops the camera's SIPp processes: it falls silent. */
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            p.waitFor();
        }
        processes.clear();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
