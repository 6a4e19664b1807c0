package org.yike.connector.rtmp.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.ClassRule;
import org.junit.Test;
import org.yike.connector.rtmp.fixture.LoopbackRtmpServer;
import org.yike.media.MediaInfo;
import org.yike.media.fixture.FileLiveStreams;
import org.yike.media.fixture.LessonFile;

/**
 * A lesson's live profile (a real file's packets at real time) pushed to Debian's nginx with the RTMP
 * module on loopback, whose {@code record all} keeps what arrives: the push starts at the live edge,
 * waits for a server that is not there yet without holding anything up, and ends with the lesson.
 */
public class PushTest {

    private static final String KEY = "k3y-" + Long.toHexString(System.nanoTime());

    @ClassRule
    public static final LessonFile LESSON = new LessonFile("push", 20);

    private final Path data = Path.of("target", "push", Long.toString(System.nanoTime())).toAbsolutePath();
    private final List<String> states = new CopyOnWriteArrayList<>();
    private LoopbackRtmpServer nginx;

    @After
    public void stopNginx() throws InterruptedException {
        if (nginx != null) nginx.close();
    }

    @Test
    public void pushesFromTheLiveEdgeOnceTheServerIsThereUntilTheLessonEnds() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        FileLiveStreams live = LESSON.streams("101", Push.PROFILE);
        live.start("lesson-1");
        Thread.sleep(2000); // the lesson tested: 2 s before its push begins

        RtmpSettings target = new RtmpSettings("rtmp://127.0.0.1:" + port + "/live", "101", KEY, 2);
        Push push = new Push("t", "lesson-1", target, live, (state, reason) -> states.add(state + ": " + reason));
        push.start();
        until("the push finds no server", 10, () -> state("RECONNECTING"));
        long serverUp = System.nanoTime();
        nginx = new LoopbackRtmpServer(data, port);
        until("the push reaches the server", 20, () -> state("PUSHING"));
        long pushing = System.nanoTime();
        Thread.sleep(3000); // the lesson tested: 3 s pushed
        live.end();
        until("the push ends with the lesson", 10, () -> state("ENDED"));
        double pushedSeconds = (System.nanoTime() - pushing) / 1e9;
        double serverSeconds = (System.nanoTime() - serverUp) / 1e9;
        assertTrue(push.awaitEnd(1000));
        assertEquals("ENDED: lesson lesson-1 ended", states.get(states.size() - 1));
        for (String s : states) assertFalse("no key in " + s, s.contains(KEY));

        Path recorded = until("nginx closed the stream's file", 10,
                () -> nginx.recorded().stream().filter(LoopbackRtmpServer::closed).findFirst().orElse(null));
        MediaInfo info = LESSON.media().probe(recorded);
        assertEquals("h264", info.video().orElseThrow().codec());
        assertEquals("aac", info.audio().orElseThrow().codec());
        // from the live edge: neither the 2 s before the push nor the time without a server are in it
        assertTrue(info.durationSeconds() + " s pushed in " + pushedSeconds + " s",
                info.durationSeconds() > pushedSeconds - 1.5 && info.durationSeconds() < serverSeconds + 0.5);
        assertEquals("no picture missing", 0.04, info.largestVideoGap(), 0.001);
    }

    /** The first report of {@code state}, {@code null} before one. */
    private String state(String state) {
        return states.stream().filter(s -> s.startsWith(state)).findFirst().orElse(null);
    }

    private interface Found<T> {
        T get() throws IOException;
    }

    /** Polls {@code value} until it is found, failing after {@code seconds} with the states reported. */
    private <T> T until(String what, int seconds, Found<T> value) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            T v = value.get();
            if (v != null) return v;
            TimeUnit.MILLISECONDS.sleep(50);
        }
        fail(what + " did not happen within " + seconds + " s; states: " + states);
        return null;
    }
}
