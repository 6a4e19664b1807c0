package org.yike.driver.alsa.internal;

import java.util.Map;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.yike.api.device.Device;
import org.yike.kit.driver.ComponentConfig;
import org.yike.kit.driver.DriverConformanceTest;
import org.yike.kit.driver.LiveMicrophone;

/** The local microphone driver against a PulseAudio tone reached through ALSA ({@link LiveMicrophone}). */
public class AlsaConformanceTest extends DriverConformanceTest {

    private static LiveMicrophone microphone;

    @BeforeClass
    public static void startMicrophone() throws Exception {
        microphone = LiveMicrophone.fromEnvironment(440);
        microphone.start();
    }

    @AfterClass
    public static void stopMicrophone() {
        microphone.close();
    }

    /** A check that failed halfway leaves the next one a microphone. */
    @After
    public void plugBackIn() throws Exception {
        microphone.stop();
        microphone.start();
    }

    @Override
    protected Device activate(Map<String, Object> configuration) throws Exception {
        return new AlsaMicrophone(ComponentConfig.of(AlsaMicrophoneConfig.class, configuration), media());
    }

    @Override
    protected Map<String, Object> workingConfiguration() {
        // opened again every second, so that the loss shows without a lesson reading it
        return Map.of("id", "conformance", "classroom", "301", "device", LiveMicrophone.NAME, "checkSeconds", 1);
    }

    @Override
    protected Map<String, Object> wrongConfiguration() {
        return Map.of("id", "conformance", "classroom", "301", "device", "plughw:CARD=Nowhere,DEV=0");
    }

    @Override
    protected String threadPrefix() {
        return "yike-alsa-";
    }

    @Override
    protected Peer peer() {
        return microphone;
    }
}
