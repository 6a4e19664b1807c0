package org.yike.live.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.ClassRule;
import org.junit.Test;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveSubscription;
import org.yike.api.live.LiveTrack;
import org.yike.media.LiveMuxer;
import org.yike.media.MediaInfo;
import org.yike.media.fixture.FileLiveStreams;
import org.yike.media.fixture.LessonFile;

/** A live stream's packets muxed by FFmpeg as they come, read back by ffprobe. */
public class LiveMuxerTest {

    @ClassRule
    public static final LessonFile LESSON = new LessonFile("live-muxer", 3);

    @Test
    public void flvIntoASinkHoldsEveryPictureFromTheFirstKeyFrameWithItsSound() throws Exception {
        FileLiveStreams live = LESSON.streams("101", "live");
        LiveStream stream = live.start("flv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long first;
        try (LiveSubscription s = live.subscribe("101", "live", 500); LiveMuxer muxer = LiveMuxer.flv(stream, out::write)) {
            first = pump(s, muxer);
        }
        Path flv = Files.write(Path.of("target", "live-muxer", "out.flv"), out.toByteArray());
        MediaInfo info = LESSON.media().probe(flv);
        assertEquals("h264", info.video().orElseThrow().codec());
        assertEquals(320, info.video().orElseThrow().width());
        assertEquals("aac", info.audio().orElseThrow().codec());
        assertEquals(48000, info.audio().orElseThrow().sampleRate());
        assertEquals("every picture from the first key frame", (3_000_000 - first) / 40_000, info.videoFrameTimes().size());
        assertEquals(0.04, info.largestVideoGap(), 0.001);
    }

    @Test
    public void hlsMakesAPlaylistOfShortSegmentsAndEndsIt() throws Exception {
        FileLiveStreams live = LESSON.streams("101", "live");
        LiveStream stream = live.start("hls");
        Path folder = Path.of("target", "live-muxer", "hls");
        try (LiveSubscription s = live.subscribe("101", "live", 500); LiveMuxer muxer = LiveMuxer.hls(stream, folder, 1, 5)) {
            pump(s, muxer);
        }
        List<String> playlist = Files.readAllLines(folder.resolve("index.m3u8"));
        assertTrue(playlist.toString(), playlist.contains("#EXT-X-ENDLIST"));
        List<String> segments = playlist.stream().filter(l -> l.endsWith(".ts")).toList();
        assertTrue(playlist.toString(), segments.size() >= 2);
        for (String line : playlist) {
            if (line.startsWith("#EXTINF:")) {
                double seconds = Double.parseDouble(line.substring(8, line.indexOf(',')));
                assertTrue(line, seconds > 0.5 && seconds <= 2);
            }
        }
        MediaInfo segment = LESSON.media().probe(folder.resolve(segments.get(0)));
        assertEquals("h264", segment.video().orElseThrow().codec());
        assertEquals("aac", segment.audio().orElseThrow().codec());
    }

    @Test
    public void aCodecFfmpegDoesNotKnowIsRefusedByName() {
        LiveStream odd = new LiveStream("101", "live", LiveStream.Origin.CAMERA, null, LiveTrack.video("h999", 320, 240, null), null);
        try {
            LiveMuxer.flv(odd, bytes -> { }).close();
            fail("muxed a codec FFmpeg does not know");
        } catch (IOException e) {
            assertEquals("FFmpeg knows no codec h999", e.getMessage());
        }
    }

    /** Muxes the subscription's packets until the stream ends; answers the first one's time. */
    private static long pump(LiveSubscription s, LiveMuxer muxer) throws Exception {
        long first = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!s.ended()) {
            if (System.nanoTime() > deadline) fail("the stream did not end within 10 s");
            LivePacket p = s.take(200, TimeUnit.MILLISECONDS);
            if (p == null) continue;
            if (first < 0) first = p.dtsMicros();
            muxer.write(p);
        }
        return first;
    }
}
