package org.yike.vision.standup.internal;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.device.ClassroomEvent.Type;
import org.yike.vision.standup.fixture.TinyOnnx;
import org.yike.vision.standup.internal.StandUpDetector.Change;

/** The school's model path on the tests' own ONNX model ({@link TinyOnnx}): bright is a standing person. */
public class PersonModelTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void theModelMarksWhereTheBrightFigureStands() throws Exception {
        try (PersonModel model = PersonModel.load(model(), 320, 180);
                Mat picture = new Mat(180, 320, CV_8UC1, new Scalar(40)); Mat mask = new Mat()) {
            picture.apply(new Rect(200, 60, 20, 60)).put(new Scalar(230));
            model.standing(picture, mask);
            assertEquals(180, mask.rows());
            assertEquals(320, mask.cols());
            try (Rect found = boundingRect(mask)) {
                // the map is half the size: its edges fall within two pixels of the figure's
                assertEquals(200, found.x(), 2);
                assertEquals(60, found.y(), 2);
                assertEquals(20, found.width(), 3);
                assertEquals(60, found.height(), 3);
            }
            assertEquals("nothing marked but the figure", countNonZero(mask), countNonZero(mask.apply(new Rect(198, 58, 24, 64))));
        }
    }

    @Test
    public void aFigureStandingInASeatZoneIsAStandUpThenASitDownWhenGone() throws Exception {
        List<Change> changes = new ArrayList<>();
        Instant start = Instant.parse("2026-12-08T08:00:00Z");
        try (PersonModel model = PersonModel.load(model(), 320, 180);
                StandUpDetector detector = new StandUpDetector(StandUpDetectorTest.DEFAULTS, model)) {
            for (int i = 0; i < 30; i++) { // 6 s at 5 a second, 640x360: up from 1 s to 3 s
                byte[] grey = new byte[640 * 360];
                Arrays.fill(grey, (byte) 40);
                if (i >= 5 && i < 15) {
                    for (int y = 150; y < 270; y++) Arrays.fill(grey, y * 640 + 480, y * 640 + 520, (byte) 230);
                }
                changes.addAll(detector.see(start.plusMillis(200L * i), 640, 360, grey));
            }
        }
        assertEquals(changes.toString(), 2, changes.size());
        Change up = changes.get(0);
        assertEquals(Type.STUDENT_STOOD_UP, up.type());
        assertEquals("after the time up (1 s)", start.plusSeconds(2), up.time());
        assertEquals(500 / 640.0, up.x(), 0.01);
        assertEquals(210 / 360.0, up.y(), 0.02);
        Change down = changes.get(1);
        assertEquals(Type.STUDENT_SAT_DOWN, down.type());
        assertTrue("sat at 3 s, reported at " + down.time(), down.time().isAfter(start.plusSeconds(3))
                && !down.time().isAfter(start.plusSeconds(3).plus(Duration.ofSeconds(1))));
    }

    @Test
    public void aMissingOrBrokenFileIsAClearError() throws Exception {
        Path missing = folder.getRoot().toPath().resolve("missing.onnx");
        assertEquals("no readable model file " + missing,
                assertThrows(IllegalArgumentException.class, () -> PersonModel.load(missing, 320, 180)).getMessage());
        Path broken = folder.newFile("broken.onnx").toPath();
        Files.write(broken, Arrays.copyOf(TinyOnnx.standingPersonModel(1), 40)); // cut short
        String message = assertThrows(IllegalArgumentException.class, () -> PersonModel.load(broken, 320, 180)).getMessage();
        assertTrue(message, message.startsWith("model " + broken + " does not load: "));
    }

    @Test
    public void aModelOfTwoScoreMapsDoesNotFitTheContract() throws Exception {
        Path two = folder.newFile("two.onnx").toPath();
        Files.write(two, TinyOnnx.standingPersonModel(2));
        String message = assertThrows(IllegalArgumentException.class, () -> PersonModel.load(two, 320, 180)).getMessage();
        assertEquals("model " + two + " does not fit the contract (grey [1,1,H,W] in, scores [1,1,h,w] out):"
                + " the model's output is not one score map [1,1,h,w]", message);
    }

    private Path model() throws Exception {
        Path file = folder.newFile("standing.onnx").toPath();
        Files.write(file, TinyOnnx.standingPersonModel(1));
        return file;
    }
}
