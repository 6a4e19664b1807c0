package org.yike.driver.rtsp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.StreamFigures;
import org.yike.kit.driver.ComponentConfig;
import org.yike.kit.driver.DriverConformanceTest;
import org.yike.kit.driver.LiveStream;

/** The network camera driver against a camera that the bundled ffmpeg plays on loopback (HTTP). */
public class RtspConformanceTest extends DriverConformanceTest {

    private LiveStream camera;

    @Before
    public void startCamera() throws Exception {
        camera = new LiveStream(media());
        camera.start();
    }

    @After
    public void stopCamera() {
        camera.close();
    }

    @Test
    public void theCamerasPicturesPerSecondAndBitrateAreMeasured() throws Exception {
        RtspCamera device = new RtspCamera(ComponentConfig.of(RtspCameraConfig.class, workingConfiguration()), media());
        try {
            awaitState(device, DeviceStatus.State.ONLINE::equals);
            StreamFigures figures = device.figures("video").orElseThrow();
            assertEquals(LiveStream.FRAMES_PER_SECOND, figures.framesPerSecond(), 1);
            // 300 kbit/s of H.264 and MPEG-TS's own packets around it
            assertTrue(figures.bitsPerSecond() + " bit/s", figures.bitsPerSecond() > 100_000 && figures.bitsPerSecond() < 1_000_000);
            assertTrue(figures.measuredAt().isAfter(Instant.now().minusSeconds(10)));
            assertTrue("only the picture's source is measured", device.figures("audio").isEmpty());
        } finally {
            device.deactivate();
        }
    }

    @Override
    protected Device activate(Map<String, Object> configuration) throws Exception {
        return new RtspCamera(ComponentConfig.of(RtspCameraConfig.class, configuration), media());
    }

    @Override
    protected Map<String, Object> workingConfiguration() {
        // asked again every second, so that the loss shows without a lesson reading the camera
        return Map.of("id", "conformance", "classroom", "301", "role", "teacher", "url", camera.url(),
                "timeoutSeconds", 2, "checkSeconds", 1);
    }

    @Override
    protected Map<String, Object> wrongConfiguration() throws Exception {
        return Map.of("id", "conformance", "classroom", "301", "role", "teacher",
                "url", "rtsp://127.0.0.1:" + refusingPort() + "/stream1", "timeoutSeconds", 2);
    }

    @Override
    protected String threadPrefix() {
        return "yike-camera-";
    }

    @Override
    protected Peer peer() {
        return camera;
    }
}
