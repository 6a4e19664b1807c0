package org.yike.kit.director;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.yike.api.device.ClassroomEvent;
import org.yike.api.director.Director;
import org.yike.api.director.DirectorStrategy;
import org.yike.api.director.Framing;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;

/**
 * A scripted lesson for a director strategy, read from {@code src/test/resources/scenarios/<name>.json}:
 * <pre>
 * {
 *   "about": "what the scenario shows",
 *   "sources": [{"key": "cam/teacher", "role": "TEACHER_CLOSEUP"}, {"key": "cam/students", "role": "STUDENT_WIDE"}],
 *   "config": {"minShotMillis": 2000},
 *   "events": [{"at": 1000, "type": "STUDENT_STOOD_UP", "source": "cam/students", "x": 0.3, "y": 0.6}],
 *   "commands": [{"at": 5000, "layout": "FULL", "sources": ["cam/students"], "cause": "operator",
 *                 "framing": {"cam/students": {"preset": "door"}}}],
 *   "end": 20000
 * }
 * </pre>
 * {@code config} sets attributes of the strategy's configuration, the others keep their defaults;
 * an event's {@code source} is a source key ({@code deviceId/sourceId}); a framing is
 * {@code {"preset": …}} or {@code {"x": …, "y": …, "width": …, "height": …}}. The expected shots
 * are in {@code <name>.golden} beside it, written only on purpose, with {@code -Dgolden.update=true}.
 */
public final class Scenario {

    /** The engine ticks at 25 frames a second; events and commands are delivered at the tick at or after their time. */
    public static final long FRAME_MILLIS = 40;
    static final String UPDATE = "golden.update";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Script(String about, String classroom, List<ProgramSource> sources, Map<String, Object> config,
            List<Event> events, List<Command> commands, long end) {
    }

    record Event(long at, ClassroomEvent.Type type, String source, Double x, Double y) {
    }

    record Command(long at, Layout layout, List<String> sources, String cause, Map<String, Shape> framing) {
    }

    record Shape(String preset, double x, double y, double width, double height) {
        Framing framing() {
            return preset != null ? Framing.preset(preset) : Framing.crop(x, y, width, height);
        }
    }

    private final String name;
    private final Path file;
    private final Script script;
    private final String classroom;

    private Scenario(Path file) throws IOException {
        this.file = file;
        this.name = file.getFileName().toString().replaceFirst("\\.json$", "");
        this.script = JSON.readValue(file.toFile(), Script.class);
        this.classroom = script.classroom() == null ? "101" : script.classroom();
        if (script.sources() == null || script.sources().stream().allMatch(s -> s.role().isAudio())) {
            throw new IllegalArgumentException(file + ": a scenario needs video sources");
        }
    }

    /** Every scenario of the module under test, by name. */
    public static List<Scenario> all() throws IOException {
        Path folder = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "scenarios");
        List<Scenario> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(new Scenario(f));
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * The strategy's configuration as ConfigAdmin would hand it over: the scenario's {@code config}
     * attributes, the others at their defaults.
     */
    public <A extends Annotation> A config(Class<A> type) {
        try {
            return configuration(type, script.config() == null ? Map.of() : script.config());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** A configuration annotation with these attributes (JSON-like values), the others at their defaults. */
    public static <A extends Annotation> A configuration(Class<A> type, Map<String, ?> attributes) {
        Map<String, Method> methods = Arrays.stream(type.getDeclaredMethods()).collect(Collectors.toMap(Method::getName, m -> m));
        for (String key : attributes.keySet()) {
            if (!methods.containsKey(key)) throw new IllegalArgumentException(type.getSimpleName() + " has no " + key);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        methods.forEach((key, m) -> values.put(key,
                attributes.containsKey(key) ? JSON.convertValue(attributes.get(key), m.getReturnType()) : m.getDefaultValue()));
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> switch (m.getName()) {
            case "annotationType" -> type;
            case "toString" -> type.getSimpleName() + values;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> values.get(m.getName());
        }));
    }

    /**
     * Plays the lesson as the engine does: {@code start()}, then every 40 ms the events and
     * commands due (events first), then {@code onTick}. Answers every decision, the opening one first.
     */
    public List<ProgramDecision> run(DirectorStrategy strategy) {
        List<ProgramSource> video = script.sources().stream().filter(s -> !s.role().isAudio()).toList();
        Director director = strategy.direct(classroom, video);
        List<Event> events = sorted(script.events(), Event::at);
        List<Command> commands = sorted(script.commands(), Command::at);
        List<ProgramDecision> shots = new ArrayList<>(List.of(director.start()));
        int e = 0;
        int c = 0;
        for (long at = 0; at <= script.end(); at += FRAME_MILLIS) {
            for (; e < events.size() && events.get(e).at() <= at; e++) {
                director.onEvent(event(events.get(e)), at).ifPresent(shots::add);
            }
            for (; c < commands.size() && commands.get(c).at() <= at; c++) {
                director.onCommand(decision(commands.get(c), at), at).ifPresent(shots::add);
            }
            director.onTick(at).ifPresent(shots::add);
        }
        return shots;
    }

    private static <T> List<T> sorted(List<T> steps, ToLongFunction<T> at) {
        return steps == null ? List.of() : steps.stream().sorted(Comparator.comparingLong(at)).toList();
    }

    private ClassroomEvent event(Event e) {
        String device = null;
        String source = null;
        if (e.source() != null) {
            int slash = e.source().indexOf('/');
            if (slash < 1) throw new IllegalArgumentException(file + ": event source " + e.source() + " is not deviceId/sourceId");
            device = e.source().substring(0, slash);
            source = e.source().substring(slash + 1);
        }
        return new ClassroomEvent(e.type(), classroom, device, source, Instant.ofEpochMilli(e.at()), e.x(), e.y());
    }

    private static ProgramDecision decision(Command c, long at) {
        Map<String, Framing> framing = new LinkedHashMap<>();
        if (c.framing() != null) c.framing().forEach((key, shape) -> framing.put(key, shape.framing()));
        return new ProgramDecision(at, c.layout(), c.sources(), c.cause(), framing);
    }

    /**
     * Runs the strategy and compares its shots to {@code <name>.golden}; with
     * {@code -Dgolden.update=true} writes them there instead, to be checked by eye and committed.
     */
    public void assertGolden(DirectorStrategy strategy) throws IOException {
        String actual = format(run(strategy));
        Path golden = file.resolveSibling(name + ".golden");
        if (Boolean.getBoolean(UPDATE)) {
            Files.writeString(golden, "# " + name + ": " + Optional.ofNullable(script.about()).orElse("") + "\n"
                    + "# time (ms), layout, sources (main first) [framing], cause. Rewrite on purpose: mvn test -D" + UPDATE
                    + "=true\n" + actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) fail(golden + " is missing; write it with -D" + UPDATE + "=true and check it by eye");
        String expected = Files.readAllLines(golden, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#"))
                .map(l -> l + "\n").collect(Collectors.joining());
        assertEquals(name + ": shots differ from " + golden.getFileName(), expected, actual);
    }

    /** One line a shot: {@code time layout sources cause}. */
    static String format(List<ProgramDecision> shots) {
        StringBuilder text = new StringBuilder();
        for (ProgramDecision d : shots) {
            String sources = d.sources().stream().map(s -> s + framing(d.framing().get(s))).collect(Collectors.joining(" "));
            text.append(String.format(Locale.ROOT, "%7d  %-16s  %s  | %s\n", d.atMillis(), d.layout(), sources, d.cause()));
        }
        return text.toString();
    }

    private static String framing(Framing f) {
        if (f == null) return "";
        if (!f.isCrop()) return "[preset " + f.preset() + "]";
        return String.format(Locale.ROOT, "[crop %.3f %.3f %.3f %.3f]", f.x(), f.y(), f.width(), f.height());
    }
}
