package org.yike.driver.virtual.internal;

import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.yike.api.device.Device;
import org.yike.kit.driver.ComponentConfig;
import org.yike.kit.driver.DriverConformanceTest;

/** The virtual classroom: its sources are FFmpeg test sources made in-process, so there is no peer to lose. */
public class VirtualConformanceTest extends DriverConformanceTest {

    static final EventAdmin NOBODY = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
        }

        @Override
        public void sendEvent(Event event) {
        }
    };

    @Override
    protected Device activate(Map<String, Object> configuration) {
        return new VirtualClassroom(ComponentConfig.of(VirtualClassroomConfig.class, configuration), NOBODY, 1);
    }

    @Override
    protected Map<String, Object> workingConfiguration() {
        return Map.of("id", "conformance", "width", 320, "height", 180, "studentStandsEverySeconds", 1);
    }

    @Override
    protected Map<String, Object> wrongConfiguration() {
        return Map.of("id", "conformance", "width", 321);
    }

    @Override
    protected String threadPrefix() {
        return "yike-virtual-";
    }
}
