package org.yike.recording.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.yike.api.device.Device;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingService;

/**
 * Gogo shell commands: {@code yike:devices}, {@code yike:record}, {@code yike:stop}, {@code yike:recordings},
 * and for an operator {@code yike:cut} and {@code yike:resume}.
 */
@Component(service = RecordingCommands.class, property = {"osgi.command.scope=yike",
        "osgi.command.function=devices", "osgi.command.function=record", "osgi.command.function=stop",
        "osgi.command.function=recordings", "osgi.command.function=cut", "osgi.command.function=resume"})
public class RecordingCommands {

    @Reference
    RecordingService recording;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<Device> devices;

    public String devices() {
        StringBuilder out = new StringBuilder();
        for (Device d : devices) {
            out.append(String.format("%-20s %-12s %-8s %s%n", d.id(), d.driver(), d.classroom(), d.status()));
            for (Source s : d.sources()) {
                out.append(String.format("    %-12s %-16s %-24s %s%n", s.id(), s.role(), s.label(), figures(d, s)));
            }
        }
        return out.toString();
    }

    /** {@code 25.0 fps 4.00 Mbit/s}, {@code uncompressed} for a raw source, empty where the driver measures nothing. */
    static String figures(Device d, Source s) {
        Optional<StreamFigures> measured;
        try {
            measured = d.figures(s.id());
        } catch (RuntimeException e) {
            return "figures unknown";
        }
        return measured.map(f -> {
            String fps = s.isAudio() ? "" : String.format(Locale.ROOT, "%.1f fps ", f.framesPerSecond());
            long bits = f.bitsPerSecond();
            String rate = bits == 0 ? "uncompressed" : bits >= 1_000_000
                    ? String.format(Locale.ROOT, "%.2f Mbit/s", bits / 1e6) : bits / 1000 + " kbit/s";
            return fps + rate;
        }).orElse("");
    }

    public String record() {
        return describe(recording.start(null, null));
    }

    public String record(String classroom) {
        return describe(recording.start(classroom, null));
    }

    public String record(String classroom, String title) {
        return describe(recording.start(classroom, title));
    }

    public String stop(String id) {
        return describe(recording.stop(id));
    }

    public String recordings() {
        StringBuilder out = new StringBuilder();
        for (Recording r : recording.list()) out.append(describe(r));
        return out.toString();
    }

    /** {@code cut 101 PIP_TOP_RIGHT virtual-101/courseware virtual-101/teacher}: the operator takes the program. */
    public String cut(String classroom, String layout, String... sources) {
        recording.cut(classroom, new ProgramDecision(0, Layout.valueOf(layout), List.of(sources), "operator"));
        return "classroom " + classroom + ": " + layout + " " + String.join(" ", sources) + " (resume to give it back)";
    }

    public String resume(String classroom) {
        recording.resume(classroom);
        return "classroom " + classroom + " is directed by its strategy again";
    }

    private static String describe(Recording r) {
        StringBuilder s = new StringBuilder(String.format("%s  %-9s %s  %s%n", r.id(), r.state(), r.classroom(), r.title()));
        for (Recording.RecordedFile f : r.files()) s.append("    ").append(f.kind()).append(": ").append(f.path()).append('\n');
        if (r.error() != null) s.append("    error: ").append(r.error()).append('\n');
        return s.toString();
    }
}
