package org.yike.driver.onvif.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Test;
import org.w3c.dom.Element;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Ptz;
import org.yike.api.device.Role;
import org.yike.api.device.Source;

/** Against the recorded replies of real cameras, served on loopback by {@link FixtureCamera}. */
public class OnvifCameraTest {

    private static final String TT = "http://www.onvif.org/ver10/schema";
    private static final String TPTZ = "http://www.onvif.org/ver20/ptz/wsdl";
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private final BlockingQueue<ClassroomEvent> events = new LinkedBlockingQueue<>();
    private FixtureCamera fixture;
    private OnvifCamera camera;

    @After
    public void close() {
        if (camera != null) camera.deactivate();
        if (fixture != null) fixture.close();
    }

    @Test
    public void theMainStreamWithCredentialsAndWhatTheCameraOffers() throws Exception {
        fixture = new FixtureCamera("9999");
        camera = new OnvifCamera(Configs.camera(fixture.deviceService(), "events", new String[0]), events::add, FixtureCamera.media());
        DeviceStatus online = await(DeviceStatus.State.ONLINE);
        Source main = camera.sources().get(0);
        String at = "127.0.0.1:" + fixture.stream.port();
        assertEquals("rtsp://admin:9999@" + at + "/h264main", main.locator().uri());
        assertEquals("rtsp://***@" + at + "/h264main", main.locator().redacted());
        assertEquals(Role.TEACHER_CLOSEUP, main.role());
        assertEquals("cam1/video", main.key());
        // The recorded camera has one profile, so no sub stream; its recorded GetSnapshotUri answer is
        // not well-formed XML (the SOAP-ENV prefix is never declared): it stays ONLINE and says so.
        assertEquals("main main h264 1920x1080; snapshot none (GetSnapshotUri: the answer is not XML: "
                + "The prefix \"SOAP-ENV\" for element \"SOAP-ENV:Envelope\" is not bound.); PTZ; events; "
                + "h264 320x180 25 fps", online.reason());
        assertFalse(online.reason().contains("9999"));
        // The camera's clock said 2014-12-24 19:14:37 UTC: the token is made in its time, or it would be refused.
        assertTrue(fixture.last("GetProfiles").text(WSU, "Created").startsWith("2014-12-24T19:1"));
        assertEquals("RTP-Unicast", fixture.last("GetStreamUri").text(TT, "Stream"));
    }

    @Test
    public void presetsListedAndGoneTo() throws Exception {
        fixture = new FixtureCamera("9999");
        camera = new OnvifCamera(Configs.camera(fixture.deviceService(), "events", new String[0]), events::add, FixtureCamera.media());
        await(DeviceStatus.State.ONLINE);
        Ptz ptz = camera.ptz().orElseThrow();
        List<String> presets = ptz.presets();
        assertEquals(List.of("P001", "P002", "P003"), presets.subList(0, 3));
        ptz.gotoPreset("P002");
        FixtureCamera.Request go = fixture.last("GotoPreset");
        assertNotNull("the camera was asked to go to the preset", go);
        assertEquals("ptz.GotoPreset", go.fixture());
        assertEquals("P002", go.text(TPTZ, "PresetToken"));
        assertEquals("main", go.text(TPTZ, "ProfileToken"));
        ptz.move(0.5, -0.25, 0);
        assertEquals("ptz.ContinuousMove", fixture.last("ContinuousMove").fixture());
        ptz.moveTo(0.1, 0.2, 0.3);
        assertEquals("ptz.AbsoluteMove", fixture.last("AbsoluteMove").fixture());
        ptz.stop();
        assertEquals("ptz.Stop", fixture.last("Stop").fixture());
    }

    @Test
    public void aPulledMotionMessageBecomesTheConfiguredClassroomEvent() throws Exception {
        fixture = new FixtureCamera("9999");
        camera = new OnvifCamera(Configs.camera(fixture.deviceService(),
                "events", new String[] {"tns1:RuleEngine/CellMotionDetector/Motion=STUDENT_STOOD_UP"}), events::add, FixtureCamera.media());
        ClassroomEvent event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull("no event within 10 s", event);
        assertEquals(ClassroomEvent.Type.STUDENT_STOOD_UP, event.type());
        assertEquals("301", event.classroom());
        assertEquals("cam1", event.deviceId());
        assertEquals("video", event.sourceId());
        assertNotNull(fixture.last("CreatePullPointSubscription"));
        assertEquals("events.CreatePullPointSubscription", fixture.last("CreatePullPointSubscription").fixture());
    }

    @Test
    public void aWrongPasswordIsOfflineWithTheReasonAndNoPassword() throws Exception {
        fixture = new FixtureCamera("9999");
        camera = new OnvifCamera(Configs.camera(fixture.deviceService(), "password", "wrong-s3cret"), events::add, FixtureCamera.media());
        DeviceStatus offline = await(DeviceStatus.State.OFFLINE);
        assertEquals("GetCapabilities: the camera refused the user name or password (HTTP 401)", offline.reason());
        assertTrue(camera.sources().isEmpty());
        assertTrue(camera.ptz().isEmpty());
    }

    /** The camera refuses every call but GetSystemDateAndTime without a fresh UsernameToken made in its own clock. */
    @Test
    public void aCameraThatDemandsTheTokenOnEveryCallComesOnline() throws Exception {
        fixture = new FixtureCamera("9999", FixtureCamera.Guard.STRICT);
        camera = new OnvifCamera(Configs.camera(fixture.deviceService(), "events", new String[0]), events::add, FixtureCamera.media());
        await(DeviceStatus.State.ONLINE);
        for (String call : List.of("GetCapabilities", "GetProfiles", "GetStreamUri")) {
            FixtureCamera.Request r = fixture.last(call);
            assertNull(call + " was refused: " + r.refusal(), r.refusal());
            assertEquals(FixtureCamera.USER, r.text(WSSE, "Username"));
        }
        assertTrue(fixture.requests.stream().allMatch(r -> r.refusal() == null));
        assertEquals("rtsp://admin:9999@127.0.0.1:" + fixture.stream.port() + "/h264main", camera.sources().get(0).locator().uri());
    }

    /** As the strict camera checks it: a token made in our clock, not its 2014 one, is refused; once its clock is read, accepted. */
    @Test
    public void theTokenIsMadeInTheCamerasClock() throws Exception {
        fixture = new FixtureCamera("9999", FixtureCamera.Guard.STRICT);
        URI device = URI.create(fixture.deviceService());
        Element capabilities = Soap.request("tds", "GetCapabilities");
        Soap.Refused refused = assertThrows(Soap.Refused.class,
                () -> new Soap("admin", "9999", Duration.ofSeconds(2)).call(device, capabilities, true));
        assertEquals("GetCapabilities: the camera refused the user name or password (Sender not Authorized)", refused.getMessage());
        assertTrue(fixture.last("GetCapabilities").refusal(), fixture.last("GetCapabilities").refusal().contains("is off its clock 2014-12-24T19:1"));
        OnvifClient client = new OnvifClient(device, "admin", "9999", Duration.ofSeconds(2));
        client.connect();
        assertNull(fixture.last("GetProfiles").refusal());
        assertTrue(fixture.last("GetProfiles").text(WSU, "Created").startsWith("2014-12-24T19:1"));
    }

    @Test
    public void aCameraThatRefusesItsClockWithoutTheTokenIsAskedAgainWithIt() throws Exception {
        fixture = new FixtureCamera("9999", FixtureCamera.Guard.STRICT_CLOCK_TOO);
        camera = new OnvifCamera(Configs.camera(fixture.deviceService(), "events", new String[0]), events::add, FixtureCamera.media());
        await(DeviceStatus.State.ONLINE);
        List<FixtureCamera.Request> clock = fixture.requests.stream().filter(r -> r.action().equals("GetSystemDateAndTime")).toList();
        assertEquals("no UsernameToken", clock.get(0).refusal());
        assertNull(clock.get(1).refusal());
        assertEquals(FixtureCamera.USER, clock.get(1).text(WSSE, "Username"));
        assertNull(fixture.last("GetStreamUri").refusal());
    }

    @Test
    public void aStrictCameraWithoutCredentialsIsOfflineAskingForThem() throws Exception {
        fixture = new FixtureCamera("9999", FixtureCamera.Guard.STRICT);
        camera = new OnvifCamera(Configs.camera(fixture.deviceService(), "username", "", "password", ""), events::add,
                FixtureCamera.media());
        assertEquals("GetCapabilities: the camera asks for a user name and password (Sender not Authorized)",
                await(DeviceStatus.State.OFFLINE).reason());
        assertEquals("no UsernameToken", fixture.last("GetCapabilities").refusal());
    }

    @Test
    public void anUnreachableCameraIsOfflineWithTheReason() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        camera = new OnvifCamera(Configs.camera("http://127.0.0.1:" + closed + "/onvif/device_service",
                "password", "s3cret"), events::add, FixtureCamera.media());
        DeviceStatus offline = await(DeviceStatus.State.OFFLINE);
        assertTrue(offline.reason(), offline.reason().startsWith("GetSystemDateAndTime: cannot connect to 127.0.0.1:" + closed));
        assertFalse(offline.reason().contains("s3cret"));
    }

    @Test
    public void configurationProblemsInWords() throws Exception {
        assertEquals(null, OnvifCamera.problem(Configs.camera("http://192.168.1.64/onvif/device_service")));
        assertEquals("url must not hold credentials: user and password have their own fields",
                OnvifCamera.problem(Configs.camera("http://admin:s3cret@cam/onvif/device_service")));
        assertEquals("url must be the camera's device service, http://host/onvif/device_service; "
                + "event mapping 'Motion=DANCING' must be topic=" + String.join("|",
                        List.of("STUDENT_STOOD_UP", "STUDENT_SAT_DOWN", "TEACHER_MOVED", "TEACHER_LEFT_PODIUM",
                                "TEACHER_RETURNED", "COURSEWARE_CHANGED", "BLACKBOARD_WRITING", "MICROPHONE_ACTIVE",
                                "MICROPHONE_QUIET")),
                OnvifCamera.problem(Configs.camera("rtsp://cam/x", "events", new String[] {"Motion=DANCING"})));
        OnvifCamera refused = new OnvifCamera(Configs.camera("", "role", "janitor"), events::add, FixtureCamera.media());
        assertEquals(DeviceStatus.offline("configuration: role 'janitor' must be one of teacher, teacher_wide, "
                + "student, student_wide, courseware, blackboard; url is empty"), refused.status());
        assertEquals(Map.of("RuleEngine/CellMotionDetector/Motion", ClassroomEvent.Type.TEACHER_MOVED,
                "RuleEngine/LineDetector/Crossed", ClassroomEvent.Type.TEACHER_LEFT_PODIUM),
                OnvifCamera.topics(Configs.camera("http://cam/").events()));
    }

    private DeviceStatus await(DeviceStatus.State state) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (camera.status().state() != state) {
            if (System.currentTimeMillis() > end) throw new AssertionError("still " + camera.status());
            Thread.sleep(20);
        }
        return camera.status();
    }
}
