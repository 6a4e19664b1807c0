package org.yike.recording.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingService;

/**
 * Gogo shell commands: {@code yike:record}, {@code yike:stop}, {@code yike:recordings}, and for an
 * operator {@code yike:cut} and {@code yike:resume}. {@code yike:devices} is org.yike.admin's.
 */
@Component(service = RecordingCommands.class, property = {"osgi.command.scope=yike",
        "osgi.command.function=record", "osgi.command.function=stop",
        "osgi.command.function=recordings", "osgi.command.function=cut", "osgi.command.function=resume"})
public class RecordingCommands {

    @Reference
    RecordingService recording;

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
