package org.yike.vision.standup.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.PostedEvents;
import org.yike.api.device.Role;
import org.yike.api.vision.HandedPictures;
import org.yike.api.vision.Picture;
import org.yike.api.vision.PictureFormat;
import org.yike.api.vision.PictureRequest;
import org.yike.vision.standup.internal.SyntheticClassroom.Rise;

/** The component with its defaults, on pictures handed to it as the recording's Pictures would. */
public class StandUpWatchTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void aStandUpInAStudentCamerasPicturesIsPostedAsTheRoomsClassroomEvent() throws Exception {
        watchesByBackgroundSubtraction(config(Map.of()));
    }

    @Test
    public void aModelFileThatIsNotAModelLeavesTheWatchWithBackgroundSubtraction() throws Exception {
        Path broken = folder.newFile("standing.onnx").toPath();
        Files.writeString(broken, "not a network");
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // slf4j-simple's output
        try {
            watchesByBackgroundSubtraction(config(Map.of("model", broken.toString())));
        } finally {
            System.setErr(err);
        }
        String said = log.toString(StandardCharsets.UTF_8);
        err.print(said);
        assertTrue(said, said.contains("ERROR " + StandUpWatch.class.getName()
                + " - The stand-up model cannot be used, watching by background subtraction instead: model " + broken + " does not load: "));
    }

    private static void watchesByBackgroundSubtraction(StandUpConfig config) throws Exception {
        HandedPictures pictures = new HandedPictures();
        PostedEvents posted = new PostedEvents();
        StandUpWatch watch = new StandUpWatch(config, pictures, posted);
        Instant start = Instant.parse("2026-12-08T08:00:00Z");
        HandedPictures.Handed subscription = pictures.subscriptions().get(0);
        ClassroomEvent up;
        ClassroomEvent sat;
        try {
            assertEquals(PictureRequest.of(Role.STUDENT_WIDE, 640, 360, 5, PictureFormat.GREY), subscription.request());
            SyntheticClassroom room = new SyntheticClassroom(0.05, 2).rise(new Rise(14, 4, 3));
            for (int i = 0; i < 60; i++) { // 12 s at 5 a second
                subscription.hand(new Picture("101", "20261208-080000-101", "virtual-101/student", i,
                        start.plusMillis(i * 200L), 640, 360, PictureFormat.GREY, room.picture(i / 5.0)));
            }
            up = posted.await(ClassroomEvent.Type.STUDENT_STOOD_UP, 30);
            sat = posted.await(ClassroomEvent.Type.STUDENT_SAT_DOWN, 30);
        } finally {
            watch.stop();
        }
        assertTrue("the subscription closed with the component", subscription.closed());
        assertEquals("nothing else: " + posted.events(), List.of(up, sat), posted.events());
        assertEquals("101", up.classroom());
        assertEquals("virtual-101", up.deviceId());
        assertEquals("student", up.sourceId());
        assertEquals(SyntheticClassroom.seatAt(14)[0], up.x(), 0.03);
        assertTrue("stood up at " + up.time(), up.time().isAfter(start.plusSeconds(5)) && !up.time().isAfter(start.plusMillis(5500)));
        assertEquals("virtual-101", sat.deviceId());
    }

    /** The configuration Metatype's defaults make, with {@code set} changed. */
    private static StandUpConfig config(Map<String, Object> set) {
        return (StandUpConfig) Proxy.newProxyInstance(StandUpConfig.class.getClassLoader(), new Class<?>[] {StandUpConfig.class},
                (proxy, method, args) -> set.getOrDefault(method.getName(), method.getDefaultValue()));
    }
}
