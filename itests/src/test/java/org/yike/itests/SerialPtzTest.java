package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A camera without a PTZ of its own (the virtual classroom's student camera) moved by VISCA over
 * IP: the director's student shot at a preset goes to the {@code org.yike.ptz.serial} service
 * configured for that device, and the camera, played by a UDP socket on loopback, hears the
 * preset recall.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SerialPtzTest extends InYike {

    /** VISCA's "memory recall" of preset 2 for camera 1, in its VISCA over IP header (after the sequence number). */
    private static final String RECALL_2 = "81 01 04 3F 02 02 FF";
    private static final String RECALL_3 = "81 01 04 3F 02 03 FF";

    @Test
    public void aDirectorsPresetShotMovesTheDevicesViscaCamera() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (DatagramSocket camera = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            answerLikeAViscaCamera(camera, heard);
            configureFactory("org.yike.ptz.serial", Map.of("deviceId", "virtual-101", "protocol", "visca", "host", "127.0.0.1",
                    "port", camera.getLocalPort()));
            configure("org.yike.director.classroom", Map.of("studentPreset", "2"));
            configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "studentStandsEverySeconds", 2,
                    "coursewareChangesEverySeconds", 0));
            configureRecording(SMALL_PROGRAM);

            Api api = new Api().ready();
            String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\"}").body().get("id").asText();
            Await.until("the camera heard the recall of preset 2", 15, () -> List.copyOf(heard),
                    packets -> packets.stream().anyMatch(p -> p.endsWith(RECALL_2)));
            // the operator's presets: those the VISCA service says, and a cut to one recalls it
            JsonNode presets = api.get("classrooms/101/presets").body();
            assertTrue(presets.toString(), presets.path("virtual-101/student").toString().contains("\"3\""));
            api.post("classrooms/101/cut", "{\"sources\": [\"virtual-101/student\"], "
                    + "\"framing\": {\"virtual-101/student\": {\"preset\": \"3\", \"width\": 1, \"height\": 1}}}");
            Await.until("the camera heard the recall of preset 3", 15, () -> List.copyOf(heard),
                    packets -> packets.stream().anyMatch(p -> p.endsWith(RECALL_3)));
            JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();

            JsonNode metadata = new ObjectMapper().readTree(Path.of(lesson.get("files").get(0).get("path").asText())
                    .resolveSibling("lesson.json").toFile());
            JsonNode studentShot = null;
            for (JsonNode d : metadata.get("decisions")) if (d.path("cause").asText().equals("student stood up")) studentShot = d;
            assertEquals("the shot that asked for it: " + metadata.get("decisions"), "2",
                    studentShot.at("/framing/virtual-101~1student/preset").asText());
        }
    }

    /** ACK and completion for every command, as a VISCA over IP camera answers; each packet heard in hex. */
    private static void answerLikeAViscaCamera(DatagramSocket socket, List<String> heard) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64];
            try {
                for (;;) {
                    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                    socket.receive(p);
                    byte[] packet = Arrays.copyOf(p.getData(), p.getLength());
                    heard.add(HexFormat.ofDelimiter(" ").withUpperCase().formatHex(packet));
                    int sequence = ByteBuffer.wrap(packet).getInt(4);
                    for (int kind : new int[] {0x41, 0x51}) {
                        byte[] reply = ByteBuffer.allocate(11).putShort((short) 0x0111).putShort((short) 3).putInt(sequence)
                                .put((byte) 0x90).put((byte) kind).put((byte) 0xFF).array();
                        socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        }, "visca-camera");
        t.setDaemon(true);
        t.start();
    }
}
