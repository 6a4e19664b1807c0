package org.yike.driver.hikvision.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Ptz;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.kit.driver.ComponentConfig;

/** The driver against an ISAPI camera on loopback (see {@link FakeIsapiCamera}). */
public class HikvisionCameraTest {

    private FakeIsapiCamera camera;
    private HikvisionCamera device;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event e) {
            events.add(e);
        }

        @Override
        public void sendEvent(Event e) {
            events.add(e);
        }
    };

    @Before
    public void start() throws Exception {
        camera = new FakeIsapiCamera();
    }

    @After
    public void stop() {
        if (device != null) device.deactivate();
        camera.close();
    }

    private HikvisionCameraConfig config(Object... attributes) {
        Map<String, Object> values = new HashMap<>(Map.of("id", "cam1", "classroom", "301", "role", "teacher",
                "host", "127.0.0.1", "httpPort", camera.port(), "rtspPort", camera.stream.port(),
                "password", FakeIsapiCamera.PASSWORD));
        for (int i = 0; i < attributes.length; i += 2) values.put((String) attributes[i], attributes[i + 1]);
        return ComponentConfig.of(HikvisionCameraConfig.class, values);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("waited 10 s for " + what);
            Thread.sleep(20);
        }
    }

    private HikvisionCamera online() throws Exception {
        device = new HikvisionCamera(config(), eventAdmin, FakeIsapiCamera.media());
        await("online", () -> device.status().state() == DeviceStatus.State.ONLINE);
        return device;
    }

    @Test
    public void deviceInfoMakesItOnlineAndNamesIt() throws Exception {
        online();
        assertEquals("DS-2DE4A425IW-DE, serial DS-2DE4A425IW-DE20210425AAWRF12345678, firmware V5.7.3; h264 320x180 25 fps",
                device.status().reason());
        assertEquals("Room 301 front", device.name());
        assertEquals("hikvision", device.driver());
        assertEquals("GET /ISAPI/System/deviceInfo", camera.requests.get(0));
        assertEquals("every request answered the digest challenge", 0, camera.unauthorized.get());
    }

    @Test
    public void mainAndSubStreamsWithCredentialsMaskedWhenShown() throws Exception {
        device = new HikvisionCamera(config("channel", 2, "rtspPort", 8554), eventAdmin, FakeIsapiCamera.media());
        List<Source> sources = device.sources();
        assertEquals(2, sources.size());
        assertEquals("rtsp://admin:Pa%3Ass%40w0rd%2Fx@127.0.0.1:8554/Streaming/Channels/201", sources.get(0).locator().uri());
        assertEquals("rtsp://***@127.0.0.1:8554/Streaming/Channels/201", sources.get(0).locator().redacted());
        assertEquals("rtsp://***@127.0.0.1:8554/Streaming/Channels/202", sources.get(1).locator().redacted());
        assertEquals("tcp", sources.get(0).locator().options().get("rtsp_transport"));
        assertEquals(List.of("cam1/video", "cam1/video-sub"), sources.stream().map(Source::key).toList());
        assertEquals(Role.TEACHER_CLOSEUP, sources.get(1).role());
    }

    @Test
    public void ptzMovesStopsAndGoesToPresetsByName() throws Exception {
        Ptz ptz = online().ptz().orElseThrow();
        ptz.move(0.5, -0.25, 1);
        ptz.stop();
        assertEquals(List.of("Blackboard", "Podium"), ptz.presets());
        ptz.gotoPreset("Podium");
        ptz.gotoPreset("1");
        try {
            ptz.gotoPreset("../../System/reboot");
            throw new AssertionError("no such preset");
        } catch (IllegalArgumentException e) {
            assertEquals("no preset '../../System/reboot'; the camera has [Blackboard, Podium]", e.getMessage());
        }
        List<String> ptzRequests = camera.requests.stream().filter(r -> r.contains("PTZCtrl")).toList();
        assertEquals(List.of(
                "PUT /ISAPI/PTZCtrl/channels/1/continuous <PTZData><pan>50</pan><tilt>-25</tilt><zoom>100</zoom></PTZData>",
                "PUT /ISAPI/PTZCtrl/channels/1/continuous <PTZData><pan>0</pan><tilt>0</tilt><zoom>0</zoom></PTZData>",
                "GET /ISAPI/PTZCtrl/channels/1/presets",
                "GET /ISAPI/PTZCtrl/channels/1/presets",
                "PUT /ISAPI/PTZCtrl/channels/1/presets/2/goto",
                "GET /ISAPI/PTZCtrl/channels/1/presets",
                "PUT /ISAPI/PTZCtrl/channels/1/presets/1/goto",
                "GET /ISAPI/PTZCtrl/channels/1/presets"), ptzRequests);
    }

    @Test
    public void alertsBecomeClassroomEventsAndTheStreamIsReopened() throws Exception {
        // inactive and not mapped: the camera's heartbeat
        String heartbeat = FakeIsapiCamera.fixture("alert-videoloss.xml");
        online();
        await("the alertStream", () -> camera.alertStreams.get() == 1);
        camera.alerts.add(heartbeat);
        camera.alerts.add(FakeIsapiCamera.fixture("alert-VMD.xml"));
        camera.alerts.add(heartbeat);
        assertEvent(ClassroomEvent.Type.TEACHER_MOVED);
        camera.alerts.add(FakeIsapiCamera.fixture("alert-linedetection.xml"));
        camera.alerts.add(heartbeat);
        assertEvent(ClassroomEvent.Type.TEACHER_LEFT_PODIUM);
        camera.alerts.add(FakeIsapiCamera.fixture("alert-fielddetection.xml"));
        camera.alerts.add(heartbeat);
        assertEvent(ClassroomEvent.Type.TEACHER_RETURNED);

        camera.alerts.add(FakeIsapiCamera.END);
        await("the alertStream again", () -> camera.alertStreams.get() == 2);
        assertEquals(DeviceStatus.State.ONLINE, device.status().state());
        camera.alerts.add(FakeIsapiCamera.fixture("alert-VMD.xml"));
        camera.alerts.add(heartbeat);
        assertEvent(ClassroomEvent.Type.TEACHER_MOVED);
        assertNull(events.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    public void anEventIsHeardAsSoonAsItsPartHasComeNotWithTheNextOne() throws Exception {
        online();
        await("the alertStream", () -> camera.alertStreams.get() == 1);
        // the camera sends one part and holds the connection open: no heartbeat behind it
        camera.alerts.add(FakeIsapiCamera.fixture("alert-VMD.xml"));
        assertEvent(ClassroomEvent.Type.TEACHER_MOVED);
        camera.alerts.add(FakeIsapiCamera.fixture("alert-linedetection.xml"));
        assertEvent(ClassroomEvent.Type.TEACHER_LEFT_PODIUM);
    }

    @Test
    public void theEventMappingIsConfigurable() throws Exception {
        device = new HikvisionCamera(config("events", new String[] {"vmd=STUDENT_STOOD_UP"}), eventAdmin, FakeIsapiCamera.media());
        await("the alertStream", () -> camera.alertStreams.get() == 1);
        camera.alerts.add(FakeIsapiCamera.fixture("alert-linedetection.xml"));
        camera.alerts.add(FakeIsapiCamera.fixture("alert-VMD.xml"));
        camera.alerts.add(FakeIsapiCamera.fixture("alert-videoloss.xml"));
        assertEvent(ClassroomEvent.Type.STUDENT_STOOD_UP);
    }

    private void assertEvent(ClassroomEvent.Type type) throws InterruptedException {
        Event e = events.poll(5, TimeUnit.SECONDS);
        assertTrue("no " + type, e != null);
        Map<String, Object> p = new HashMap<>();
        for (String name : e.getPropertyNames()) p.put(name, e.getProperty(name));
        ClassroomEvent c = ClassroomEvent.fromProperties(p);
        assertEquals(type, c.type());
        assertEquals("301", c.classroom());
        assertEquals("cam1", c.deviceId());
        assertEquals("video", c.sourceId());
        assertEquals(ClassroomEvent.TOPIC_PREFIX + type, e.getTopic());
    }

    @Test
    public void aWrongPasswordIsOfflineWithAReasonThatHoldsNoPassword() throws Exception {
        device = new HikvisionCamera(config("password", "wrong-s3cret"), eventAdmin, FakeIsapiCamera.media());
        await("offline", () -> device.status().state() == DeviceStatus.State.OFFLINE);
        assertEquals("OFFLINE: GET /ISAPI/System/deviceInfo: HTTP 401 user or password refused", device.status().toString());
        for (Source s : device.sources()) assertFalse(s.locator().redacted().contains("s3cret"));
        assertTrue(camera.requests.isEmpty());
    }

    @Test
    public void aCameraThatIsNotThereIsOffline() throws Exception {
        int port = camera.port();
        camera.close();
        device = new HikvisionCamera(config("httpPort", port), eventAdmin, FakeIsapiCamera.media());
        await("offline", () -> device.status().state() == DeviceStatus.State.OFFLINE);
        assertTrue(device.status().reason(), device.status().reason().contains("refused"));
    }

    @Test
    public void aConfigurationProblemIsSaidInWords() throws Exception {
        assertNull(HikvisionCamera.problem(config()));
        assertEquals("role 'janitor' must be one of teacher, teacher_wide, student, student_wide, courseware, blackboard; "
                + "host '' must be a name or IPv4 address; password is empty",
                HikvisionCamera.problem(config("role", "janitor", "host", " ", "password", null)));
        String problem = HikvisionCamera.problem(config("events", new String[] {"VMD=DANCING"}));
        assertTrue(problem, problem.startsWith("event mapping 'VMD=DANCING' must be eventType=STUDENT_STOOD_UP|"));
        device = new HikvisionCamera(config("id", "a b"), eventAdmin, FakeIsapiCamera.media());
        assertEquals(DeviceStatus.State.OFFLINE, device.status().state());
        assertTrue(device.sources().isEmpty());
        assertTrue(device.ptz().isEmpty());
    }
}
