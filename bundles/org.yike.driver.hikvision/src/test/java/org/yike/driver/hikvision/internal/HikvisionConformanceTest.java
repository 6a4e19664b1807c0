package org.yike.driver.hikvision.internal;

import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.yike.api.device.Device;
import org.yike.kit.driver.ComponentConfig;
import org.yike.kit.driver.DriverConformanceTest;

/**
 * The Hikvision driver against an ISAPI camera on loopback ({@link FakeIsapiCamera}) whose RTSP
 * streams are live pictures on a real RTSP server; losing the peer takes those streams away.
 */
public class HikvisionConformanceTest extends DriverConformanceTest {

    private static final EventAdmin NOBODY = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
        }

        @Override
        public void sendEvent(Event event) {
        }
    };

    private FakeIsapiCamera camera;

    @Before
    public void startCamera() throws Exception {
        camera = new FakeIsapiCamera();
    }

    @After
    public void stopCamera() {
        camera.close();
    }

    @Override
    protected Device activate(Map<String, Object> configuration) throws Exception {
        return new HikvisionCamera(ComponentConfig.of(HikvisionCameraConfig.class, configuration), NOBODY, media());
    }

    @Override
    protected Map<String, Object> workingConfiguration() {
        // the stream asked again every second, so that its loss shows without a lesson reading it
        return Map.of("id", "conformance", "classroom", "301", "role", "teacher", "host", "127.0.0.1",
                "httpPort", camera.port(), "rtspPort", camera.stream.port(), "password", FakeIsapiCamera.PASSWORD,
                "timeoutSeconds", 2, "checkSeconds", 1);
    }

    @Override
    protected Map<String, Object> wrongConfiguration() throws Exception {
        return Map.of("id", "conformance", "classroom", "301", "role", "teacher", "host", "127.0.0.1",
                "httpPort", refusingPort(), "password", FakeIsapiCamera.PASSWORD, "timeoutSeconds", 2);
    }

    @Override
    protected String threadPrefix() {
        return "yike-hikvision-";
    }

    @Override
    protected Peer peer() {
        return camera.stream;
    }
}
