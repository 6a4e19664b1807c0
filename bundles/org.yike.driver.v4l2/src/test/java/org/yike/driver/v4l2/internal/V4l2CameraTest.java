package org.yike.driver.v4l2.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.DeviceStatus.State;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.kit.driver.ComponentConfig;
import org.yike.media.MediaRuntime;

/**
 * The configuration checks, the locator, and the state of a camera whose node is missing, appears
 * and goes again, opened by FFmpeg's real video4linux2 input (no capture device exists here, so the
 * node that appears is {@code /dev/null}, which that input refuses as no camera).
 */
public class V4l2CameraTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();
    private static MediaRuntime media;

    @BeforeClass
    public static void loadFfmpeg() throws Exception {
        media = MediaRuntime.outsideFramework();
    }

    @AfterClass
    public static void forget() {
        media = null;
    }

    static V4l2CameraConfig config(Object... attributes) {
        Map<String, Object> values = new HashMap<>(Map.of("id", "cam1", "classroom", "301", "role", "teacher"));
        for (int i = 0; i < attributes.length; i += 2) values.put((String) attributes[i], attributes[i + 1]);
        return ComponentConfig.of(V4l2CameraConfig.class, values);
    }

    @Test
    public void aCompleteConfigurationHasNoProblem() {
        assertNull(V4l2Camera.problem(config()));
        assertNull(V4l2Camera.problem(config("device", "/dev/v4l/by-id/usb-046d_HD_Pro_Webcam_C920_A1B2C3D4-video-index0",
                "videoSize", "1920x1080", "framerate", 30, "inputFormat", "h264", "role", "blackboard")));
    }

    @Test
    public void eachProblemIsSaidInWords() {
        assertEquals("device 'video0' must be a device path such as /dev/video0 or /dev/v4l/by-id/…",
                V4l2Camera.problem(config("device", "video0")));
        assertEquals("video size '1080p' must be width x height, e.g. 1920x1080; frame rate 0 fps must be 1..120",
                V4l2Camera.problem(config("videoSize", "1080p", "framerate", 0)));
        assertEquals("input format 'yuyv' must be mjpeg, yuyv422 or h264",
                V4l2Camera.problem(config("inputFormat", "yuyv")));
        assertEquals("id 'cam 1' must be letters, digits, . _ -; classroom is empty; "
                + "role 'microphone' must be one of teacher, teacher_wide, student, student_wide, courseware, blackboard",
                V4l2Camera.problem(config("id", "cam 1", "classroom", "", "role", "microphone")));
        assertEquals("check every 0 s must be 1..3600", V4l2Camera.problem(config("checkSeconds", 0)));
    }

    @Test
    public void theLocatorNamesFfmpegsInputAndWhatToAskTheCameraFor() {
        StreamLocator l = V4l2Camera.locator(config("device", " /dev/video2 ", "videoSize", "1920x1080", "framerate", 30));
        assertEquals(new StreamLocator("/dev/video2", "video4linux2",
                Map.of("input_format", "mjpeg", "video_size", "1920x1080", "framerate", "30")), l);
    }

    @Test
    public void aRefusedConfigurationIsOfflineWithTheReasonAndHasNoSources() {
        V4l2Camera camera = new V4l2Camera(config("inputFormat", "rgb"), media);
        assertEquals(DeviceStatus.offline("configuration: input format 'rgb' must be mjpeg, yuyv422 or h264"),
                camera.status());
        assertTrue(camera.sources().isEmpty());
        camera.deactivate();
    }

    @Test
    public void aMissingNodeIsOfflineAndANodeThatAppearsIsOpenedAtOnce() throws Exception {
        Path node = folder.getRoot().toPath().resolve("usb-Camera-video-index0");
        V4l2Camera camera = new V4l2Camera(config("device", node.toString(), "name", "Front"), media);
        try {
            Source s = camera.sources().get(0);
            assertEquals(Role.TEACHER_CLOSEUP, s.role());
            assertEquals("cam1/video", s.key());
            assertEquals(DeviceStatus.offline("no device at " + node + " (unplugged, or another path names it now)"),
                    await(camera, r -> r.startsWith("no device")));
            // plugged in: a node appears, and FFmpeg's video4linux2 input opens it within a second or two
            Files.createSymbolicLink(node, Path.of("/dev/null"));
            assertEquals(DeviceStatus.offline(node + " is not a video capture device"),
                    await(camera, r -> r.contains("not a video capture device")));
            Files.delete(node);
            await(camera, r -> r.startsWith("no device"));
        } finally {
            camera.deactivate();
        }
        assertTrue("the watch thread has ended", Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("yike-v4l2-cam1")));
    }

    private static DeviceStatus await(V4l2Camera camera, java.util.function.Predicate<String> reason) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (camera.status().state() != State.OFFLINE || !reason.test(camera.status().reason())) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("still " + camera.status());
            Thread.sleep(50);
        }
        return camera.status();
    }
}
