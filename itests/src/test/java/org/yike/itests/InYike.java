package org.yike.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Processor;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.yike.api.runtime.Settings;
import org.yike.media.MediaRuntime;

/**
 * What every itest class extends: the framework it runs in holds exactly the bundles the
 * distribution resolved and exported, a data folder of the class's own, a free HTTP port, no shell.
 */
abstract class InYike {

    @Inject
    MediaRuntime media;

    @Inject
    ConfigurationAdmin configurations;

    /**
     * A small program (640x360) in one profile, and no own files of raw cameras (the virtual
     * classroom's are 1080p): what most tests need, at little CPU.
     */
    static final Map<String, Object> SMALL_PROGRAM = Map.of("width", 640, "height", 360, "liveKbps", 0,
            "mobileKbps", 0, "teacherResourceKbps", 0, "studentResourceKbps", 0, "coursewareResourceKbps", 0);

    /** Configures the recording service: these attributes, the others at their defaults. */
    void configureRecording(Map<String, Object> attributes) throws Exception {
        configure("org.yike.recording", attributes);
    }

    /**
     * Sets the configuration of {@code pid} to {@code attributes} and waits until its component has
     * it: ConfigAdmin delivers on its own thread, and DS then shows the values in the component's
     * service properties.
     */
    void configure(String pid, Map<String, Object> attributes) throws Exception {
        configurations.getConfiguration(pid, "?").update(new Hashtable<>(attributes));
        awaitDelivered(pid, attributes);
    }

    /** A new factory configuration of {@code factoryPid}, once the component it makes has registered its service. */
    org.osgi.service.cm.Configuration configureFactory(String factoryPid, Map<String, Object> attributes) throws Exception {
        org.osgi.service.cm.Configuration c = configurations.createFactoryConfiguration(factoryPid, "?");
        c.update(new Hashtable<>(attributes));
        awaitDelivered(c.getPid(), attributes);
        return c;
    }

    private static void awaitDelivered(String pid, Map<String, Object> attributes) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(InYike.class).getBundleContext();
        Await.until("a service of " + pid + " with " + attributes, 15, () -> {
            ServiceReference<?>[] services = context.getServiceReferences((String) null, "(service.pid=" + pid + ")");
            return services != null && Arrays.stream(services).anyMatch(s -> attributes.entrySet().stream()
                    .allMatch(a -> Objects.deepEquals(a.getValue(), s.getProperty(a.getKey()))));
        });
    }

    /** Adds a virtual classroom configured so; one with id virtual-101 replaces the default one. */
    org.osgi.service.cm.Configuration configureClassroom(Map<String, Object> attributes) throws Exception {
        return configureFactory("org.yike.driver.virtual.classroom", attributes);
    }

    /**
     * A virtual classroom where nothing happens, directed to show the teacher camera (and its sync
     * marker) throughout; {@code more}: further attributes of the classroom, name and value.
     */
    void teacherThroughout(int width, int height, Object... more) throws Exception {
        configureClassroom(with(Map.of("id", "virtual-101", "width", width, "height", height, "studentStandsEverySeconds", 0,
                "coursewareChangesEverySeconds", 0), more));
        configure("org.yike.director.classroom", Map.of("idleMillis", 0L));
    }

    /** Runs the bundled ffmpeg executable with {@code args}, its output to {@code log}. */
    Process ffmpeg(List<String> args, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(media.ffmpeg().toString());
        command.addAll(args);
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null"));
        b.environment().put("LD_LIBRARY_PATH", media.ffmpeg().getParent().toString());
        return b.start();
    }

    /**
     * The NAL units of a file's H.264 or H.265 ({@code codec}) video, the packets' contents whatever
     * the container frames them in: copied into an elementary stream at {@code work} and split at
     * its start codes.
     */
    List<ByteBuffer> nalUnits(Path file, String codec, Path work) throws Exception {
        Process p = ffmpeg(List.of("-v", "error", "-y", "-i", file.toString(), "-map", "0:v", "-c", "copy",
                "-bsf:v", codec + "_mp4toannexb", "-f", codec, work.toString()), work.resolveSibling(work.getFileName() + ".log"));
        if (p.waitFor() != 0) throw new AssertionError("ffmpeg could not copy the video of " + file);
        byte[] stream = Files.readAllBytes(work);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 2 < stream.length; i++) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) starts.add(i + 3);
        }
        List<ByteBuffer> units = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) - 3 : stream.length;
            while (end > starts.get(k) && stream[end - 1] == 0) end--; // the zero of a 4-byte start code
            units.add(ByteBuffer.wrap(stream, starts.get(k), end - starts.get(k)).slice());
        }
        return units;
    }

    /** The data folder of this class's runtime ({@code yike.data}, set in {@link #config()}). */
    static Path dataFolder() {
        return Path.of(System.getProperty(Settings.DATA));
    }

    /** The entry of {@code lesson.json}'s files that is {@code source}'s own file. */
    static JsonNode fileOf(JsonNode metadata, String source) {
        for (JsonNode f : metadata.get("files")) if (source.equals(f.path("source").asText())) return f;
        throw new AssertionError("no file of " + source + " in " + metadata.get("files"));
    }

    /** {@code base} with {@code more} added or replaced. */
    static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> all = new HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) all.put((String) more[i], more[i + 1]);
        return all;
    }

    @Configuration
    public Option[] config() {
        return options(getClass().getSimpleName());
    }

    private static Option[] options(String name) {
        File runBundles = new File(System.getProperty("yike.runbundles"));
        File[] jars = runBundles.listFiles((dir, file) -> file.endsWith(".jar") && !file.contains("gogo.shell"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no run bundles in " + runBundles + "; build the distribution first");
        }
        Arrays.sort(jars);
        Properties launch = productLaunch();
        Map<String, Integer> startLevels = startLevels(launch);
        File data = new File(System.getProperty("yike.itest.data"), name);
        forgetConfiguration(data.toPath());
        List<Option> options = new ArrayList<>();
        for (File jar : jars) {
            Integer level = startLevels.get(symbolicName(jar));
            if (level == null) throw new IllegalStateException(jar + " is not among the product jar's bundles");
            options.add(bundle(jar.toURI().toString()).startLevel(level));
        }
        options.add(junitBundles());
        options.add(cleanCaches());
        // the product's run properties (yike.bndrun); Pax Exam sets the framework's start level itself
        for (String key : launch.stringPropertyNames()) {
            if (!key.startsWith("launch.") && !key.equals("org.osgi.framework.startlevel.beginning")) {
                options.add(frameworkProperty(key).value(launch.getProperty(key)));
            }
        }
        options.add(systemProperty(Settings.DATA).value(data.getAbsolutePath()));
        options.add(systemProperty("yike.http.port").value(Integer.toString(freePort())));
        options.add(systemProperty("yike.hotinstall").value(System.getProperty("yike.hotinstall")));
        // one native cache for all test classes: FFmpeg is extracted once per build
        options.add(systemProperty("org.bytedeco.javacpp.cachedir")
                .value(new File(System.getProperty("yike.itest.data"), "native").getAbsolutePath()));
        return options.toArray(new Option[0]);
    }

    /**
     * How the product jar launches (bnd's {@code launcher.properties}, made from yike.bndrun): its run
     * properties and its bundles' start levels, which the tests' framework takes over.
     */
    private static Properties productLaunch() {
        try (JarFile product = new JarFile(System.getProperty("yike.jar"));
                InputStream in = product.getInputStream(product.getEntry("launcher.properties"))) {
            Properties launch = new Properties();
            launch.load(in);
            return launch;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("cannot read launcher.properties of " + System.getProperty("yike.jar"), e);
        }
    }

    /** Each run bundle's start level by symbolic name ({@code launch.runbundles.attrs}: bsn;version=...;startlevel=n,...). */
    private static Map<String, Integer> startLevels(Properties launch) {
        Map<String, Integer> levels = new HashMap<>();
        for (Map.Entry<String, Attrs> b : new Parameters(launch.getProperty("launch.runbundles.attrs")).entrySet()) {
            levels.put(Processor.removeDuplicateMarker(b.getKey()), Integer.valueOf(b.getValue().get("startlevel")));
        }
        return levels;
    }

    private static String symbolicName(File jar) {
        try (JarFile j = new JarFile(jar)) {
            return j.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the manifest of " + jar, e);
        }
    }

    /**
     * Deletes what an earlier run of the test configured in the data folder's store: each run
     * starts from the configuration it makes itself.
     */
    static void forgetConfiguration(Path data) {
        Path config = data.resolve("config");
        if (!Files.exists(config)) return;
        try (Stream<Path> files = Files.walk(config)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new IllegalStateException("cannot empty " + config, e);
        }
    }

    /** A UDP port nobody listens on now. */
    static int freeUdpPort() {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The product jar with a small program (640x360, no live or mobile profile) and a pre-roll of 1 s. */
    static Process productJar(Path data, int port) throws IOException {
        return productJar(data, port, "liveKbps=I\"0\"");
    }

    /**
     * The product jar on {@code data} and {@code port}, as a school starts it (no flag but the data
     * folder and port); its configuration, in the data folder's store: the recording's small picture
     * (640x360, no mobile profile, no own files of raw cameras) with {@code recording}'s lines
     * (Felix's format: {@code liveKbps=I"300"}), a timetable pre-roll of 1 s, and whatever
     * {@link #configFile} wrote before.
     */
    static Process productJar(Path data, int port, String... recording) throws IOException {
        List<String> lines = new ArrayList<>(List.of("width=I\"640\"", "height=I\"360\"", "mobileKbps=I\"0\"",
                "teacherResourceKbps=I\"0\"", "studentResourceKbps=I\"0\"", "coursewareResourceKbps=I\"0\""));
        lines.addAll(List.of(recording));
        configFile(data, "org.yike.recording", lines.toArray(new String[0]));
        configFile(data, "org.yike.scheduler", "preRollSeconds=I\"1\"");
        return launch(data, "-Dyike.data=" + data, "-Dyike.http.port=" + port).start();
    }

    /**
     * The product jar with these JVM options before {@code -jar}, its output appended to
     * {@code <data>/yike.log}, no standard input; ready to start (its environment may be added to).
     */
    static ProcessBuilder launch(Path data, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", System.getProperty("yike.jar")));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createDirectories(data).resolve("yike.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    /**
     * A virtual classroom for the product jar, in the data folder's store (replacing the default one,
     * whose cameras are 1080p): id {@code virtual-<room>}, no student standing up, no slide changing.
     */
    static void virtualClassroom(Path data, String room, int width, int height, int fps) throws IOException {
        configFile(data, "org.yike.driver.virtual.classroom~" + room, "id=\"virtual-" + room + "\"", "classroom=\"" + room + "\"",
                "label=\"Virtual classroom " + room + "\"", "width=I\"" + width + "\"", "height=I\"" + height + "\"",
                "fps=I\"" + fps + "\"", "studentStandsEverySeconds=I\"0\"", "coursewareChangesEverySeconds=I\"0\"");
    }

    /**
     * A configuration of {@code pid} in the data folder's store, as an installer would drop it (Felix's
     * format); a factory configuration's pid is {@code factoryPid~name}, its {@code ~} escaped in the
     * file's name as the store does.
     */
    static void configFile(Path data, String pid, String... lines) throws IOException {
        Path file = data.resolve("config").resolve(pid.replace('.', '/').replace("~", "%007e") + ".config");
        Files.createDirectories(file.getParent());
        List<String> all = new ArrayList<>(List.of("service.pid=\"" + pid + "\""));
        int factory = pid.indexOf('~');
        if (factory > 0) all.add("service.factoryPid=\"" + pid.substring(0, factory) + "\"");
        all.addAll(List.of(lines));
        all.add("");
        Files.writeString(file, String.join("\n", all));
    }
}
