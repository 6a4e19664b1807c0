package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The teacher's camera (H.264 over loopback UDP from the bundled ffmpeg) goes away for four seconds
 * mid-lesson and comes back: the lesson goes on with a slate where the camera was, the gap is in
 * the metadata, the camera is reconnected on its own, and its resource file goes on in a second part.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CameraLossTest extends InYike {

    private static final int W = 640;
    private static final int H = 360;

    private Process camera;

    @After
    public void stopCamera() {
        if (camera != null) camera.destroy();
    }

    @Test
    public void aLostCameraShowsASlateAndComesBackOnItsOwn() throws Exception {
        Path work = Files.createDirectories(dataFolder().resolve("camera"));
        int port;
        try (DatagramSocket s = new DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        camera = camera(port, work);
        teacherThroughout(W, H, "teacherUrl", "udp://127.0.0.1:" + port + "?overrun_nonfatal=1&fifo_size=50000");
        // a second without packets counts as lost
        configureRecording(with(SMALL_PROGRAM, "lostAfterMillis", 1000L));

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        // the lesson tested: the camera there 4 s, away 4 s, then back
        api.awaitRecorded(id, 4000);
        camera.destroy();
        camera.waitFor();
        api.awaitRecordedMore(id, 4000);
        camera = camera(port, work);
        RtspClassroomTest.awaitParts(api, id, "virtual-101/teacher", 2, 20);
        api.awaitRecordedMore(id, 4000); // the lesson tested: the camera back for 4 s
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        assertEquals("FINISHED", lesson.get("state").asText());

        Path program = Path.of(lesson.get("files").get(0).get("path").asText());
        assertEquals("the program has no gap", 0.04, media.probe(program).largestVideoGap(), 0.001);
        JsonNode metadata = new ObjectMapper().readTree(program.resolveSibling("lesson.json").toFile());
        long lostAt = -1;
        long backAt = -1;
        for (JsonNode e : metadata.get("sourceEvents")) {
            if (!e.get("source").asText().equals("virtual-101/teacher")) continue;
            if (e.hasNonNull("problem") && lostAt < 0) lostAt = e.get("atMillis").asLong();
            if (!e.hasNonNull("problem") && lostAt >= 0) backAt = e.get("atMillis").asLong();
        }
        String gap = "lost at " + lostAt + " ms, back at " + backAt + " ms: " + metadata.get("sourceEvents");
        System.out.println("CameraLossTest: " + gap);
        assertTrue("the gap is in the metadata: " + gap, lostAt > 3000 && backAt > lostAt + 2000);

        List<String> during = new ArrayList<>();
        List<String> after = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(program.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            for (Frame f; (f = g.grabImage()) != null;) {
                long at = f.timestamp / 1000;
                ByteBuffer picture = ((ByteBuffer) f.image[0]).duplicate();
                picture.limit(picture.capacity()).position(0);
                String key = Pictures.keyColour(picture, W, H, W - 8, H - 8);
                if (at > lostAt + 200 && at < backAt) during.add(key);
                if (at > backAt + 1000) after.add(key);
            }
        }
        assertTrue("the slate, not the frozen camera, while it is gone: " + during,
                !during.isEmpty() && during.stream().noneMatch("red"::equals));
        assertTrue("the camera again once it is back: " + after, !after.isEmpty() && after.stream().allMatch("red"::equals));

        long parts = 0;
        for (JsonNode f : lesson.get("files")) {
            if (!f.get("kind").asText().equals("resource")) continue;
            parts++;
            assertEquals("h264", media.probe(Path.of(f.get("path").asText())).video().orElseThrow().codec());
        }
        assertEquals("the camera's own file, in two parts", 2, parts);
    }

    private Process camera(int port, Path work) throws Exception {
        return ffmpeg(List.of("-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=640x360:rate=25,format=yuv420p,drawbox=x=iw-30:y=ih-30:w=30:h=30:color=0xFF0000:t=fill,realtime",
                "-c:v", "libopenh264", "-b:v", "1000k", "-g", "25", "-f", "mpegts", "udp://127.0.0.1:" + port + "?pkt_size=1316"),
                work.resolve("camera.log"));
    }
}
