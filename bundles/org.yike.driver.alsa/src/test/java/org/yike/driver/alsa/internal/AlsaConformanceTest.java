package org.yike.driver.alsa.internal;

import java.util.Map;

import org.junit.After;
import org.junit.BeforeClass;
import org.yike.api.device.Device;
import org.yike.kit.driver.ComponentConfig;
import org.yike.kit.driver.DriverConformanceTest;

/** The local microphone driver against a capture PCM that libasound plays from a tone file ({@link TonePcm}). */
public class AlsaConformanceTest extends DriverConformanceTest {

    private static TonePcm microphone;

    @BeforeClass
    public static void installMicrophone() throws Exception {
        microphone = TonePcm.install(440, 30);
    }

    /** A check that failed halfway leaves the next one a microphone. */
    @After
    public void plugBackIn() throws Exception {
        microphone.plugIn();
    }

    @Override
    protected Device activate(Map<String, Object> configuration) throws Exception {
        return new AlsaMicrophone(ComponentConfig.of(AlsaMicrophoneConfig.class, configuration), media());
    }

    @Override
    protected void deactivate(Device device) {
        ((AlsaMicrophone) device).deactivate();
    }

    @Override
    protected Map<String, Object> workingConfiguration() {
        // opened again every second, so that the loss shows without a lesson reading it
        return Map.of("id", "conformance", "classroom", "301", "device", TonePcm.NAME, "checkSeconds", 1);
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
    protected boolean losePeer() throws Exception {
        microphone.unplug();
        return true;
    }

    @Override
    protected void restorePeer() throws Exception {
        microphone.plugIn();
    }
}
