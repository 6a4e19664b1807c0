package org.yike.driver.onvif.internal;

import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.yike.api.device.Device;
import org.yike.kit.driver.ComponentConfig;
import org.yike.kit.driver.DriverConformanceTest;

/**
 * The ONVIF driver against the recorded replies of a real camera ({@link FixtureCamera}) whose
 * stream URI points at a live RTSP camera on loopback; losing the peer takes that stream away.
 */
public class OnvifConformanceTest extends DriverConformanceTest {

    private FixtureCamera camera;

    @Before
    public void startCamera() throws Exception {
        camera = new FixtureCamera("9999");
    }

    @After
    public void stopCamera() {
        camera.close();
    }

    @Override
    protected Device activate(Map<String, Object> configuration) throws Exception {
        return new OnvifCamera(ComponentConfig.of(OnvifCameraConfig.class, configuration), e -> { }, media());
    }

    @Override
    protected Map<String, Object> workingConfiguration() {
        // the stream asked again every second, so that its loss shows without a lesson reading it
        return Map.of("id", "conformance", "name", "Front", "classroom", "301", "role", "teacher",
                "url", camera.deviceService(), "username", "admin", "password", "9999", "timeoutSeconds", 2,
                "checkSeconds", 1);
    }

    @Override
    protected Map<String, Object> wrongConfiguration() throws Exception {
        return Map.of("id", "conformance", "name", "Front", "classroom", "301", "role", "teacher",
                "url", "http://127.0.0.1:" + refusingPort() + "/onvif/device_service", "timeoutSeconds", 2);
    }

    @Override
    protected String threadPrefix() {
        return "yike-onvif-";
    }

    @Override
    protected Peer peer() {
        return camera.stream;
    }
}
