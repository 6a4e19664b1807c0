package org.yike.driver.skeleton.internal;

import java.net.ServerSocket;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.yike.api.device.Device;
import org.yike.kit.driver.ComponentConfig;
import org.yike.kit.driver.DriverConformanceTest;
import org.yike.kit.driver.LiveStream;

/** The conformance kit against a test picture that the bundled ffmpeg serves on loopback. */
public class SkeletonConformanceTest extends DriverConformanceTest {

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

    @Override
    protected Device activate(Map<String, Object> configuration) throws Exception {
        return new SkeletonCamera(ComponentConfig.of(SkeletonConfig.class, configuration), media());
    }

    @Override
    protected Map<String, Object> workingConfiguration() {
        return Map.of("id", "cam1", "classroom", "301", "url", camera.url(), "checkSeconds", 1);
    }

    @Override
    protected Map<String, Object> wrongConfiguration() throws Exception {
        try (ServerSocket nobody = new ServerSocket(0)) {
            return Map.of("id", "cam1", "classroom", "301", "url", "http://127.0.0.1:" + nobody.getLocalPort() + "/live.ts");
        }
    }

    @Override
    protected String threadPrefix() {
        return "yike-skeleton-";
    }

    @Override
    protected boolean losePeer() {
        camera.stop();
        return true;
    }

    @Override
    protected void restorePeer() throws Exception {
        camera.start();
    }
}
