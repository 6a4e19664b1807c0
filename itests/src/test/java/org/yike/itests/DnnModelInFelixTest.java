package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.yike.vision.standup.fixture.TinyOnnx;

/**
 * OpenCV's dnn fragment installed into Yike with OpenCV, and the stand-up detector given the tests'
 * ONNX model (written outside the framework, where the test-jar's TinyOnnx is) and a file that is
 * not a model: the one loads and runs inside Felix, the other is logged and left for background
 * subtraction.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DnnModelInFelixTest extends InYike {

    private static final String DETECTOR = "org.yike.vision.standup";

    @Inject
    BundleContext context;

    @Inject
    LogReaderService log;

    @Override
    @Configuration
    public Option[] config() {
        Option[] yike = super.config();
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty("yike.itest.data"), "dnn-models"));
            Path model = Files.write(folder.resolve("standing.onnx"), TinyOnnx.standingPersonModel(1));
            Path broken = Files.writeString(folder.resolve("broken.onnx"), "not a network");
            return OptionUtils.combine(yike, systemProperty("yike.itest.model").value(model.toString()),
                    systemProperty("yike.itest.brokenmodel").value(broken.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void theDetectorRunsTheSchoolsModelThroughTheDnnFragmentAndFallsBackFromABrokenOne() throws Exception {
        List<LogEntry> entries = new CopyOnWriteArrayList<>();
        LogListener listener = e -> {
            if (DETECTOR.equals(e.getBundle().getSymbolicName())) entries.add(e);
        };
        log.addLogListener(listener);
        try {
            // the fragment before its host resolves: it attaches as the host does
            Bundle opencv = context.installBundle(Path.of(System.getProperty("yike.opencv")).toUri().toString());
            Bundle dnn = context.installBundle(Path.of(System.getProperty("yike.opencv.dnn")).toUri().toString());
            opencv.start();
            assertEquals("the fragment attached", Bundle.RESOLVED, dnn.getState());
            assertEquals(List.of(dnn), opencv.adapt(BundleWiring.class).getProvidedWires(BundleRevision.HOST_NAMESPACE)
                    .stream().map(w -> w.getRequirer().getBundle()).toList());

            Bundle detector = context.installBundle(Path.of(System.getProperty("yike.standup")).toUri().toString());
            detector.start();
            String model = System.getProperty("yike.itest.model");
            String broken = System.getProperty("yike.itest.brokenmodel");
            configurations.createFactoryConfiguration(DETECTOR, "?").update(new Hashtable<>(Map.of("model", model)));
            configurations.createFactoryConfiguration(DETECTOR, "?").update(new Hashtable<>(Map.of("model", broken)));
            Await.until("the detector watching with the model", 30, () -> entries.stream()
                    .anyMatch(e -> e.getMessage().startsWith("Watching ") && e.getMessage().endsWith(" with the model " + model)));
            LogEntry error = Await.value("the broken model's error", 30, () -> entries.stream()
                    .filter(e -> e.getLogLevel() == LogLevel.ERROR).findFirst().orElse(null));
            assertTrue(error.getMessage(), error.getMessage().startsWith(
                    "The stand-up model cannot be used, watching by background subtraction instead: model " + broken + " does not load: "));
            assertEquals("the detector still active", Bundle.ACTIVE, detector.getState());
            Await.until("the broken model's watch by background subtraction", 30,
                    () -> entries.stream().filter(e -> e.getMessage().startsWith("Watching ") && !e.getMessage().contains(" with the model "))
                            .count() >= 2); // the one without a configuration, and the broken model's
        } finally {
            log.removeLogListener(listener);
        }
    }
}
