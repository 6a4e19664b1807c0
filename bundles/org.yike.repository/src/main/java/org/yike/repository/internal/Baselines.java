package org.yike.repository.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.yike.api.modules.ModuleRefused;
import org.yike.api.modules.ModuleRefused.Kind;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.BundleInfo;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;

/** Semantic versioning of a new bundle against its previous version, as bnd's baseline judges it. */
final class Baselines {

    private Baselines() {
    }

    /** Refuses, naming each package and the version it needs, when {@code newer} breaks semantic versioning. */
    static void check(Jar newer, Path older, String olderVersion) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Jar previous = new Jar(older.toFile()); Processor reporter = new Processor()) {
            Baseline baseline = new Baseline(reporter, new DiffPluginImpl());
            for (Info i : baseline.baseline(newer, previous, null)) {
                if (!i.mismatch) continue;
                problems.add("package " + i.packageName + " changed " + change(i.packageDiff.getDelta()) + " since " + olderVersion
                        + ", needs " + i.suggestedVersion + " (it has " + i.newerVersion + ")");
            }
            BundleInfo bundle = baseline.getBundleInfo();
            if (problems.isEmpty() && bundle.mismatch) {
                problems.add("the bundle version " + bundle.newerVersion + " is too low after the changes since " + olderVersion
                        + ", needs " + bundle.suggestedVersion);
            }
        }
        if (!problems.isEmpty()) throw new ModuleRefused(Kind.BASELINE, String.join("; ", problems));
    }

    private static String change(Delta delta) {
        return switch (delta) {
            case MAJOR, REMOVED -> "incompatibly";
            case MINOR, ADDED -> "by additions";
            default -> "";
        };
    }
}
