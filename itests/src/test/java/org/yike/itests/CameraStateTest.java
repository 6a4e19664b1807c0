package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A camera's state from the RTSP level and from the lesson's own reads, against GStreamer's RTSP
 * server behind digest authentication: the right password ONLINE, a wrong one OFFLINE saying so;
 * the server killed mid-lesson makes the recorded camera OFFLINE from the lesson's reads, and
 * started again ONLINE, while the lesson goes on and the camera's file goes on in a second part.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CameraStateTest extends InYike {

    private GstRtsp gst;

    @After
    public void stopServers() {
        if (gst != null) gst.close();
    }

    @Test
    public void theStateComesFromTheRtspLevelAndFromTheLessonsReads() throws Exception {
        gst = new GstRtsp(dataFolder().resolve("gst-state"));
        // longer than the lesson: a server serves its clip once, from its first client on
        Path clip = gst.clip("cam", "h264", "aac", 90);
        int port = freePort();
        Process server = gst.serve("guarded", port, "admin:s3cret", "/cam=" + clip + ":h264:aac");
        configureRecording(with(SMALL_PROGRAM, "resourceMode", true));

        Api api = new Api().ready();
        String url = "rtsp://127.0.0.1:" + port + "/cam";
        RtspClassroomTest.add(api, "state-cam", "teacher", url,
                ", \"username\": \"admin\", \"password\": \"s3cret\", \"timeoutSeconds\": 2, \"checkSeconds\": 10");
        Api.Answer wrong = api.post("devices", "{\"driver\": \"rtsp\", \"id\": \"wrong-cam\", \"name\": \"wrong-cam\", \"classroom\": \"303\","
                + " \"role\": \"teacher\", \"config\": {\"url\": \"" + url + "\", \"username\": \"admin\","
                + " \"password\": \"wrong\", \"checkSeconds\": 10}}");
        assertEquals(wrong.body().toString(), 201, wrong.status());

        JsonNode online = api.awaitState("state-cam", "ONLINE", 30_000);
        assertTrue(online.get("reason").asText(), online.get("reason").asText().startsWith("h264 640x360 25 fps"));
        assertEquals("the camera refused the user name or password (RTSP 401 Unauthorized)",
                api.awaitState("wrong-cam", "OFFLINE", 30_000).get("reason").asText());

        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"302\"}").body().get("id").asText();
        RtspClassroomTest.awaitParts(api, id, "state-cam/video", 1, 20);
        api.awaitRecorded(id, 5000);

        server.destroy();
        assertTrue("the server stopped", server.waitFor(10, TimeUnit.SECONDS));
        long stopped = System.nanoTime();
        // the RTSP-level check is due every 10 s only, and would say "Connection refused"
        JsonNode offline = api.awaitState("state-cam", "OFFLINE", 5_000);
        String reason = offline.get("reason").asText();
        System.out.println("CameraStateTest: OFFLINE after " + (System.nanoTime() - stopped) / 1_000_000 + " ms: " + reason);
        assertTrue("the lesson's reader's words: " + reason, reason.equals("the source ended") || reason.startsWith("cannot open: "));

        gst.serve("guarded-again", port, "admin:s3cret", "/cam=" + clip + ":h264:aac");
        JsonNode back = api.awaitState("state-cam", "ONLINE", 30_000);
        assertTrue(back.get("reason").asText(), back.get("reason").asText().startsWith("h264 640x360 25 fps"));
        RtspClassroomTest.awaitParts(api, id, "state-cam/video", 2, 20);
        assertEquals("the lesson goes on", "RECORDING", api.get("recordings/" + id).body().get("state").asText());

        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        assertEquals("FINISHED", lesson.get("state").asText());
        assertEquals("the camera's file in two parts", 2, RtspClassroomTest.resources(lesson, "state-cam/video").size());
    }
}
