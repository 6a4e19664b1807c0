package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveStreams;
import org.yike.api.recording.RecordingService;

/**
 * Yike as a device on a district GB/T 28181 platform, which SIPp plays on loopback (itests/sipp/platform.xml):
 * Yike registers with digest, keeps alive, answers the Catalog with the recording classroom as a channel, and
 * on INVITE s=Play sends the room's live profile as PS over RTP to the port the offer named, which FFmpeg's
 * mpeg demuxer reads as H.264 at the live profile's size, with its AAC sound; BYE stops the sending within 1 s;
 * once the lesson has ended, RecordInfo lists it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class Gb28181UpstreamTest extends InYike {

    private static final String PLATFORM = "34020000002000000001";
    private static final String DEVICE = "34020000001180000001";
    private static final String PASSWORD = "Upstream28181";
    private static final String SSRC = "0100000001";

    @Inject
    LiveStreams live;

    @Inject
    RecordingService recording;

    private record Arrived(long nanos, byte[] packet) {
    }

    @Test
    public void yikeRegistersAnswersTheCatalogAndSendsTheLiveProfileAsPsOverRtpUntilBye() throws Exception {
        Map<String, Object> profiles = new HashMap<>(SMALL_PROGRAM);
        profiles.putAll(Map.of("liveKbps", 400, "liveWidth", 320, "liveHeight", 180, "liveFps", 25, "liveGopFrames", 25));
        configureRecording(profiles);
        configureClassroom(Map.of("id", "virtual-101", "width", 640, "height", 360, "studentStandsEverySeconds", 0,
                "coursewareChangesEverySeconds", 0));
        Api api = new Api().ready();
        // RecordInfo asks from here: the lessons of earlier runs in this data folder are not in it
        String from = LocalDateTime.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        String lesson = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        LiveStream stream = Await.value("the lesson's live stream", 10, () -> live.streams().stream()
                .filter(s -> s.name().equals("live") && lesson.equals(s.lesson())).findFirst().orElse(null));
        // the channel of the nth classroom, as the connector numbers them
        String channel = DEVICE.substring(0, 10) + "131" + String.format("%07d", recording.classrooms().indexOf(stream.room()) + 1);

        Path work = Files.createDirectories(dataFolder().resolve("gb28181-upstream"));
        Path log = work.resolve("platform.log");
        List<Arrived> arrived = new ArrayList<>();
        AtomicLong last = new AtomicLong();
        int sipPort = freeUdpPort();
        int yikePort = freeUdpPort();
        try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread receiver = receive(rtp, arrived, last);
            Process platform = new ProcessBuilder("sipp", "-sf", Path.of(System.getProperty("yike.sipp")).resolve("platform.xml").toString(),
                    "-i", "127.0.0.1", "-p", Integer.toString(sipPort), "-m", "1", "-key", "platform", PLATFORM, "-key", "domain",
                    PLATFORM.substring(0, 10), "-key", "device", DEVICE, "-key", "password", PASSWORD, "-key", "yike", "127.0.0.1:" + yikePort, "-key", "channel", channel,
                    "-key", "rtp", Integer.toString(rtp.getLocalPort()), "-key", "ssrc", SSRC,
                    "-key", "from", from, "-key", "to", from.substring(0, 11) + "23:59:59", "-trace_logs", "-log_file", log.toString(),
                    "-trace_err", "-error_file", work.resolve("platform.errors").toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("platform.out").toFile()).redirectInput(new File("/dev/null")).start();
            try {
                int rtpFirst = freeUdpPort();
                Api.Answer target = Await.until("the gb28181 connector takes a target", 10, () -> api.post("publish/targets",
                        "{\"type\": \"gb28181\", \"name\": \"district\", \"config\": {\"platformAddress\": \"127.0.0.1\", \"platformPort\": "
                                + sipPort + ", \"platformId\": \"" + PLATFORM + "\", \"deviceId\": \"" + DEVICE + "\", \"password\": \""
                                + PASSWORD + "\", \"localAddress\": \"127.0.0.1\", \"localPort\": " + yikePort
                                + ", \"keepaliveSeconds\": 1, \"rtpPortFirst\": " + rtpFirst + ", \"rtpPortLast\": " + (rtpFirst + 10) + "}}"),
                        a -> a.status() != 404);
                assertEquals(target.body().toString(), 201, target.status());
                String registered = Await.until("the target's status says registered", 15, () -> status(api), s -> s.startsWith("registered"));
                assertTrue(registered, registered.contains(PLATFORM));
                assertTrue("SIPp verified the digest", lines(log).contains("register ok"));

                String catalog = Await.until("the catalog answered", 15, () -> line(log, "catalog "), l -> l != null);
                assertTrue(catalog, catalog.contains("<DeviceID>" + channel + "</DeviceID><Name>" + stream.room() + "</Name>"));
                assertTrue(catalog, catalog.contains("<Status>ON</Status>"));
                assertEquals("two keepalives before it", 2, lines(log).stream().filter(l -> l.startsWith("keepalive")).count());

                String answer = Await.until("the INVITE answered", 15, () -> line(log, "answer "), l -> l != null);
                assertTrue("the offer's SSRC in the answer's y=: " + answer, answer.endsWith(" " + SSRC));
                Await.until("SIPp sends BYE after five keepalives", 20, () -> lines(log).contains("bye"));
                long bye = System.nanoTime();
                Await.until("the BYE answered", 5, () -> lines(log).contains("bye answered"));
                Await.until("the sending stopped: nothing for 1.5 s", 10, () -> System.nanoTime() - last.get() > 1_500_000_000L);
                assertTrue("the last packet came " + (last.get() - bye) / 1_000_000 + " ms after BYE", last.get() - bye < 1_000_000_000L);

                // the lesson ends; the platform asks the day's recordings of the channel
                assertEquals(200, api.post("recordings/" + lesson + "/stop", "").status());
                String records = Await.until("RecordInfo answered", 20, () -> line(log, "records "), l -> l != null);
                assertTrue(records, records.contains("<SumNum>1</SumNum>"));
                assertTrue(records, records.contains("<DeviceID>" + channel + "</DeviceID>"));
                assertTrue("the lesson as a span: " + records, records.contains("<FilePath>" + lesson + "</FilePath>"));
                assertTrue("SIPp ends", platform.waitFor(10, TimeUnit.SECONDS));
                assertEquals("SIPp's call passed: " + Files.readString(work.resolve("platform.out")), 0, platform.exitValue());
            } finally {
                platform.destroy();
                receiver.interrupt();
                receiver.join(2000);
            }
        }

        ByteArrayOutputStream ps = new ByteArrayOutputStream();
        long markers = 0;
        for (Arrived a : arrived) {
            byte[] p = a.packet();
            assertEquals("payload type", 96, p[1] & 0x7F);
            assertEquals("SSRC", Long.parseLong(SSRC), ((p[8] & 0xFFL) << 24) | ((p[9] & 0xFF) << 16) | ((p[10] & 0xFF) << 8) | (p[11] & 0xFF));
            if ((p[1] & 0x80) != 0) markers++;
            ps.write(p, 12, p.length - 12);
        }
        Path file = work.resolve("received.ps");
        Files.write(file, ps.toByteArray());
        String[] streams = ffprobe(file).split("\n");
        assertEquals("pictures and sound: " + String.join(" | ", streams), 2, streams.length);
        String[] probed = streams[0].strip().split(",");
        assertEquals("h264", probed[0]);
        assertEquals("the live profile's width", "320", probed[1]);
        assertEquals("the live profile's height", "180", probed[2]);
        int frames = Integer.parseInt(probed[3]);
        assertTrue("frames decoded over five keepalives: " + frames, frames > 75);
        String[] sound = streams[1].strip().split(",");
        assertEquals("aac", sound[0]);
        int soundFrames = Integer.parseInt(sound[1]);
        assertTrue("sound frames: " + soundFrames, soundFrames > 150);
        assertEquals("one marker a picture or a piece of sound", markers, frames + soundFrames, 4);
    }

    /** Takes every datagram on {@code socket}, with its arrival time, until interrupted. */
    private static Thread receive(DatagramSocket socket, List<Arrived> into, AtomicLong last) throws Exception {
        socket.setSoTimeout(100);
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[2048];
            while (!Thread.currentThread().isInterrupted()) {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (Exception e) {
                    return;
                }
                long now = System.nanoTime();
                synchronized (into) {
                    into.add(new Arrived(now, Arrays.copyOf(p.getData(), p.getLength())));
                }
                last.set(now);
            }
        }, "gb28181-platform-rtp");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String status(Api api) throws Exception {
        for (JsonNode t : api.get("publish/targets").body()) {
            if (t.get("name").asText().equals("district")) return t.path("status").asText();
        }
        return "";
    }

    private static List<String> lines(Path log) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
    }

    private static String line(Path log, String prefix) throws Exception {
        return lines(log).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    }

    /** "codec,width,height,frames" of the PS file's stream, as FFmpeg's mpeg demuxer reads it. */
    private String ffprobe(Path ps) throws Exception {
        Path ffprobe = media.ffmpeg().getParent().resolve("ffprobe");
        ProcessBuilder b = new ProcessBuilder(ffprobe.toString(), "-v", "error", "-f", "mpeg", "-count_frames", "-show_entries",
                "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0", ps.toString()).redirectErrorStream(true)
                .redirectInput(new File("/dev/null"));
        b.environment().put("LD_LIBRARY_PATH", ffprobe.getParent().toString());
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out, 0, p.waitFor());
        return out.strip();
    }
}
