package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.yike.api.device.Device;
import org.yike.api.device.Ptz;
import org.yike.media.MediaInfo;

/**
 * GB/T 28181 cameras registering to Yike (the platform) by SIP, played by SIPp on loopback: digest
 * registration, keepalives, the Catalog's two channels adopted into a classroom, a channel's PTZ
 * and presets, and a channel's PS over RTP recorded, over UDP and over TCP either way round. The SIP stack is the NIST one inlined in the driver bundle, running in Felix.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Gb28181Test extends InYike {

    private static final String PASSWORD = "Gb28181pw";
    private static final int SIP_PORT = freePort();

    @Before
    public void platform() throws Exception {
        int rtp = freeUdpPort();
        configure("org.yike.driver.gb28181", Map.of("address", "127.0.0.1", "port", SIP_PORT, "id", SippCamera.PLATFORM,
                "password", PASSWORD, "keepaliveSeconds", 1, "rtpPortFirst", rtp, "rtpPortLast", rtp + 10));
    }

    @Test
    public void aCameraRegistersItsChannelsAreAdoptedAndItsKeepalivesTellItsState() throws Exception {
        Api api = new Api().ready();
        try (SippCamera camera = new SippCamera("34020000001320000001", SIP_PORT, dataFolder().resolve("camera"))) {
            Process wrong = camera.run("wrong-password.xml", "not-" + PASSWORD, false);
            assertTrue("SIPp ends", wrong.waitFor(20, TimeUnit.SECONDS));
            assertEquals("the wrong password's answer is challenged again (401), as SIPp expects", 0, wrong.exitValue());
            assertEquals("nothing registered", 0, api.get("drivers/gb28181/discovered").body().size());

            camera.run("camera.xml", PASSWORD, true);
            JsonNode found = Await.until("the camera's two channels, with its DeviceInfo name", 15,
                    () -> api.get("drivers/gb28181/discovered").body(),
                    d -> d.size() == 2 && d.toString().contains("三楼走廊 NVR"));
            List<String> names = new ArrayList<>();
            for (JsonNode d : found) names.add(d.get("name").asText());
            assertEquals("the names sent in GB2312", List.of("教师特写 (三楼走廊 NVR)", "学生全景 (三楼走廊 NVR)"), names);
            assertEquals(camera.channel(1), found.get(0).at("/configuration/channel").asText());

            Api.Answer adopted = api.post("devices", "{\"driver\": \"gb28181\", \"discovered\": \"" + found.get(0).get("id").asText()
                    + "\", \"id\": \"gb-teacher\", \"classroom\": \"gb-101\", \"role\": \"teacher\"}");
            assertEquals(adopted.body().toString(), 201, adopted.status());
            assertEquals("教师特写", adopted.body().get("name").asText());
            JsonNode online = api.awaitState("gb-teacher", "ONLINE", 10_000);
            assertTrue("DeviceInfo's name and model: " + online, online.get("reason").asText().contains("三楼走廊 NVR (SIPp GB-NVR)"));
            Await.until("DeviceStatus's answer", 10, () -> api.device("gb-teacher").get("reason").asText().endsWith(", status OK"));
            assertTrue(api.get("drivers/gb28181/discovered").body().get(0).get("adopted").asBoolean());

            Ptz ptz = device("gb-teacher").ptz().orElseThrow();
            assertEquals("the channel's presets by PresetQuery, as the camera names them", List.of("讲台", "黑板"), ptz.presets());
            ptz.gotoPreset("黑板");
            ptz.move(1, 0, 0);
            ptz.stop();
            String channel = camera.channel(1) + " ";
            assertEquals("PTZCmd: preset 2, right at full speed, stop",
                    List.of(channel + "A50F018200020039", channel + "A50F0101FF0000B5", channel + "A50F0100000000B5"),
                    Await.until("three PTZ commands", 10, camera::ptzCommands, c -> c.size() >= 3));

            camera.stop();
            JsonNode silent = api.awaitState("gb-teacher", "OFFLINE", 10_000);
            assertTrue(silent.toString(), silent.get("reason").asText().contains("missed 3 keepalives"));

            Process elsewhere = camera.run("keepalive.xml", PASSWORD, false, "127.0.0.2");
            assertTrue("SIPp ends", elsewhere.waitFor(20, TimeUnit.SECONDS));
            assertEquals("SIPp's call failed", 1, elsewhere.exitValue());
            assertTrue("a keepalive from an address the camera did not register from is refused",
                    camera.errors("keepalive.xml").contains("SIP/2.0 403"));
            assertEquals("OFFLINE", api.device("gb-teacher").get("state").asText());

            camera.run("keepalive.xml", PASSWORD, false);
            api.awaitState("gb-teacher", "ONLINE", 10_000);
            assertEquals(200, api.delete("devices/gb-teacher").status());
        }
    }

    /** Registers the camera and adopts its first channel as {@code id} into {@code classroom}, the picture sent over {@code transport}. */
    private static void adopt(Api api, SippCamera camera, String id, String classroom, String transport) throws Exception {
        camera.run("camera.xml", PASSWORD, true);
        JsonNode found = Await.until("the camera's first channel", 15, () -> api.get("drivers/gb28181/discovered").body(),
                d -> d.toString().contains(camera.channel(1)) && d.toString().contains("三楼走廊 NVR"));
        String discovered = null;
        for (JsonNode d : found) {
            if (d.at("/configuration/channel").asText().equals(camera.channel(1))) discovered = d.get("id").asText();
        }
        Api.Answer adopted = api.post("devices", "{\"driver\": \"gb28181\", \"discovered\": \"" + discovered + "\", \"id\": \"" + id
                + "\", \"classroom\": \"" + classroom + "\", \"role\": \"teacher\", \"config\": {\"transport\": \"" + transport + "\"}}");
        assertEquals(adopted.body().toString(), 201, adopted.status());
        api.awaitState(id, "ONLINE", 10_000);
    }

    private static Device device(String id) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Gb28181Test.class).getBundleContext();
        for (ServiceReference<Device> r : context.getServiceReferences(Device.class, null)) {
            Device d = context.getService(r);
            if (d.id().equals(id)) return d;
        }
        throw new AssertionError("no device " + id);
    }

    /** Waits for the {@code n}th INVITE and sends PS over RTP to the port and with the SSRC it named. */
    private PsRtpCamera send(SippCamera camera, int n, Path work) throws Exception {
        String[] invite = Await.until("INVITE " + n + " in SIPp's log", 20, camera::invites, i -> i.size() >= n).get(n - 1);
        return new PsRtpCamera(this, 640, 360, Integer.parseInt(invite[0]), Long.parseLong(invite[1]),
                invite[2].equals("TCP/RTP/AVP"), Files.createDirectories(work).resolve("ffmpeg-" + n + ".log"));
    }

    /**
     * A lesson records the channel: it is INVITEd (SIPp checks the SDP: s=Play, PS at 96, y=), its
     * PS over RTP is recorded; when the camera falls silent the platform sends BYE, the recording
     * reconnects and the channel is INVITEd anew; the lesson's end sends BYE.
     */
    @Test
    public void aChannelIsInvitedItsPsOverRtpRecordedAndInvitedAgainAfterALoss() throws Exception {
        configureRecording(with(SMALL_PROGRAM, "resourceMode", true));
        Api api = new Api().ready();
        Path work = dataFolder().resolve("media");
        try (SippCamera camera = new SippCamera("34020000001320000002", SIP_PORT, work)) {
            adopt(api, camera, "gb-front", "gb-201", "udp");
            String lesson = RecordingTest.awaitStart(api, "{\"classroom\": \"gb-201\"}").body().get("id").asText();
            PsRtpCamera sender = send(camera, 1, work);
            api.awaitRecorded(lesson, 4000); // the lesson tested: 4 s, the camera silent, then 4 s more
            sender.close();
            Await.until("the platform's BYE after 5 s without RTP", 15, () -> camera.byes() == 1);
            sender = send(camera, 2, work);
            try {
                RtspClassroomTest.awaitParts(api, lesson, "gb-front/video", 2, 30);
                api.awaitRecordedMore(lesson, 4000);
                JsonNode finished = api.post("recordings/" + lesson + "/stop", "").body();
                List<Path> parts = RtspClassroomTest.resources(finished, "gb-front/video");
                assertEquals("the channel's own file, before and after the loss: " + finished.get("files"), 2, parts.size());
                for (Path part : parts) {
                    MediaInfo info = media.probe(part);
                    assertEquals("h264", info.video().orElseThrow().codec());
                    assertEquals(640, info.video().orElseThrow().width());
                    assertEquals(360, info.video().orElseThrow().height());
                    assertTrue("seconds of it: " + info.durationSeconds(), info.durationSeconds() > 2);
                }
            } finally {
                sender.close();
            }
            Await.until("the platform's BYE at the lesson's end", 10, () -> camera.byes() == 2);
            assertFalse(api.get("devices").body().toString().contains(PASSWORD));
        }
    }

    /** The picture over TCP: the INVITE offers TCP/RTP/AVP, the camera connects and sends RFC 4571 frames. */
    @Test
    public void aChannelOverTcpIsRecorded() throws Exception {
        recordedOverTcp("tcp", "gb-tcp", "gb-301", "34020000001320000003");
    }

    /**
     * The picture over TCP the other way round: the INVITE offers a=setup:active, Yike reads the camera's answer (its SDP
     * with y=, through javax.sdp) and connects to the port it names, where the camera sends RFC 4571 frames.
     */
    @Test
    public void aChannelOverTcpWhereYikeConnectsIsRecorded() throws Exception {
        recordedOverTcp("tcp-active", "gb-tcp-active", "gb-401", "34020000001320000004");
    }

    private void recordedOverTcp(String transport, String id, String classroom, String cameraId) throws Exception {
        configureRecording(with(SMALL_PROGRAM, "resourceMode", true));
        Api api = new Api().ready();
        Path work = dataFolder().resolve(transport);
        boolean active = transport.equals("tcp-active");
        try (SippCamera camera = new SippCamera(cameraId, SIP_PORT, work);
                ServerSocket listening = active ? new ServerSocket(camera.answerPort(), 1, InetAddress.getLoopbackAddress()) : null) {
            adopt(api, camera, id, classroom, transport);
            String lesson = RecordingTest.awaitStart(api, "{\"classroom\": \"" + classroom + "\"}").body().get("id").asText();
            String[] invite = Await.until("the INVITE in SIPp's log", 20, camera::invites, i -> !i.isEmpty()).get(0);
            assertEquals("TCP/RTP/AVP", invite[2]);
            assertEquals(active ? "a=setup:active" : "a=setup:passive", camera.setups().get(0));
            try (PsRtpCamera sender = active
                    ? new PsRtpCamera(this, 640, 360, listening, Long.parseLong(invite[1]), work.resolve("ffmpeg.log"))
                    : send(camera, 1, work)) {
                RtspClassroomTest.awaitParts(api, lesson, id + "/video", 1, 30);
                api.awaitRecordedMore(lesson, 4000);
                JsonNode finished = api.post("recordings/" + lesson + "/stop", "").body();
                List<Path> parts = RtspClassroomTest.resources(finished, id + "/video");
                assertEquals(finished.get("files").toString(), 1, parts.size());
                MediaInfo info = media.probe(parts.get(0));
                assertEquals("h264", info.video().orElseThrow().codec());
                assertEquals(640, info.video().orElseThrow().width());
                assertEquals(360, info.video().orElseThrow().height());
                assertTrue("seconds of it: " + info.durationSeconds(), info.durationSeconds() > 2);
            }
            Await.until("the platform's BYE at the lesson's end", 10, () -> camera.byes() == 1);
        }
    }
}
