package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.yike.api.device.ClassroomEvent;

/**
 * OpenCV and the stand-up detector installed into a running Yike during a lesson, as a school adds
 * them: OpenCV's presets, in a bundle of their own, load through the media bundle's JavaCPP (the JVM
 * opens java.lang to it, as the product jar's Add-Opens does), and the detector sees the virtual
 * classroom's drawn students stand up and sit down where and when its script says they do.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StandUpInFelixTest extends InYike {

    private static final String DETECTOR = "org.yike.vision.standup";
    private static final String STOOD_UP = ClassroomEvent.TOPIC_PREFIX + "STUDENT_STOOD_UP";
    private static final String SAT_DOWN = ClassroomEvent.TOPIC_PREFIX + "STUDENT_SAT_DOWN";

    @Inject
    BundleContext context;

    @Inject
    LogReaderService log;

    @Test
    public void theDetectorInstalledDuringALessonSeesTheVirtualStudentsStandUpAndSitDown() throws Exception {
        // the script posts each stand-up as the figure rises and its sit-down (without x) as it sits:
        // the truth the detector's own events, with the same x, are measured against
        configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "people", true, "scriptedEvents", true,
                "studentStandsEverySeconds", 6, "studentStandsForSeconds", 3, "coursewareChangesEverySeconds", 0));
        configureRecording(SMALL_PROGRAM);
        List<ClassroomEvent> students = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, e -> {
            Map<String, Object> p = new HashMap<>();
            for (String name : e.getPropertyNames()) p.put(name, e.getProperty(name));
            students.add(ClassroomEvent.fromProperties(p));
        }, new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, new String[] {STOOD_UP, SAT_DOWN})));
        List<LogEntry> entries = new CopyOnWriteArrayList<>();
        LogListener listener = e -> {
            if (DETECTOR.equals(e.getBundle().getSymbolicName())) entries.add(e);
        };
        log.addLogListener(listener);
        try {
            Api api = new Api().ready();
            String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
            api.awaitRecorded(id, 1000);

            Bundle opencv = context.installBundle(Path.of(System.getProperty("yike.opencv")).toUri().toString());
            opencv.start();
            assertEquals("blobs found by OpenCV from its own bundle", 3, blobs());

            Bundle detector = context.installBundle(Path.of(System.getProperty("yike.standup")).toUri().toString());
            detector.start();
            Await.until("the detector watching virtual-101/student", 30,
                    () -> entries.stream().anyMatch(e -> e.getMessage().startsWith("Watching virtual-101/student of room 101")));
            long watching = System.nanoTime();
            // the room learnt from the first picture: stand-ups that begin 2 s after it are the ones judged
            Instant judged = Instant.now().plusSeconds(2);
            api.awaitRecordedMore(id, 30_000); // five stand-ups, judged from the second
            double seconds = (System.nanoTime() - watching) / 1e9;
            assertEquals("FINISHED", api.post("recordings/" + id + "/stop", "").body().get("state").asText());
            detector.stop(); // the detector says what it saw of the lesson when it stops
            String summary = Await.value("the detector's summary of the lesson", 10, () -> entries.stream()
                    .map(LogEntry::getMessage).filter(m -> m.startsWith("Stand-ups in virtual-101/student")).findFirst().orElse(null));
            Matcher counts = Pattern.compile(": (\\d+) in (\\d+) pictures").matcher(summary);
            assertTrue(summary, counts.find());
            // 5 a second asked for: at least half of them looked at while the lesson ran
            assertTrue(summary + " in " + seconds + " s", Long.parseLong(counts.group(2)) >= 2.5 * seconds);

            // stand-ups by where they were (a seat's x): the script's first, as the figure rose, then the
            // detector's; one alone is a stand-up missed or one where nobody rose
            List<ClassroomEvent> events = List.copyOf(students);
            Map<Long, List<ClassroomEvent>> seats = new TreeMap<>();
            for (ClassroomEvent e : events) {
                if (e.type() == ClassroomEvent.Type.STUDENT_STOOD_UP) seats.computeIfAbsent(Math.round(e.x() * 50), k -> new ArrayList<>()).add(e);
            }
            int judgedSeats = 0;
            List<String> delays = new ArrayList<>();
            List<Double> missed = new ArrayList<>();
            for (List<ClassroomEvent> seat : seats.values()) {
                ClassroomEvent rise = seat.get(0);
                if (rise.time().isBefore(judged) || rise.time().plusSeconds(5).isAfter(Instant.now())) continue;
                judgedSeats++;
                assertTrue("at most the drawn stand-up and the detector's at x " + rise.x() + ": " + events, seat.size() <= 2);
                if (seat.size() == 1) {
                    missed.add(rise.x());
                    continue;
                }
                long late = seat.get(1).time().toEpochMilli() - rise.time().toEpochMilli();
                assertTrue("the stand-up at x " + rise.x() + " reported " + late + " ms after the figure rose", late > 0 && late <= 2000);
                ClassroomEvent sat = events.stream().filter(e -> e.type() == ClassroomEvent.Type.STUDENT_SAT_DOWN && e.x() == null
                        && e.time().isAfter(rise.time())).findFirst().orElseThrow();
                ClassroomEvent seenSat = events.stream().filter(e -> e.type() == ClassroomEvent.Type.STUDENT_SAT_DOWN && e.x() != null
                        && Math.abs(e.x() - rise.x()) < 0.02 && e.time().isAfter(sat.time())).findFirst().orElse(null);
                assertTrue("the sit-down at x " + rise.x() + " seen after " + sat.time() + ": " + events, seenSat != null);
                long satLate = seenSat.time().toEpochMilli() - sat.time().toEpochMilli();
                assertTrue("the sit-down at x " + rise.x() + " reported " + satLate + " ms after the figure sat", satLate <= 2000);
                delays.add(String.format("x %.3f: up +%d ms, sat +%d ms", rise.x(), late, satLate));
            }
            System.out.println("StandUpInFelixTest: the detector's events after the drawn ones: " + delays + "; missed at x " + missed);
            // on a loaded 2-core CI box (the whole suite beside it) one rise in a run was seen missed: no more
            assertTrue("at most one of " + judgedSeats + " drawn stand-ups missed: " + missed + " " + events, missed.size() <= 1);
            assertTrue("at least two drawn stand-ups seen: " + events, delays.size() >= 2);
            assertEquals("nothing went wrong: " + entries.stream().map(LogEntry::getMessage).toList(), List.of(),
                    entries.stream().filter(e -> e.getLogLevel().ordinal() <= LogLevel.WARN.ordinal()).toList());
        } finally {
            log.removeLogListener(listener);
            handler.unregister();
        }
    }

    /** Three white squares on black, counted by OpenCV's connected components (the background is label 0). */
    private static int blobs() {
        try (Mat picture = new Mat(90, 160, opencv_core.CV_8UC1, new Scalar(0)); Mat labels = new Mat()) {
            for (int i = 0; i < 3; i++) {
                opencv_imgproc.rectangle(picture, new Rect(10 + 50 * i, 30, 20, 20), new Scalar(255), -1, opencv_imgproc.LINE_8, 0);
            }
            return opencv_imgproc.connectedComponents(picture, labels) - 1;
        }
    }
}
