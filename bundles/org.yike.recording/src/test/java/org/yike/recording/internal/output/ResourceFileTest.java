package org.yike.recording.internal.output;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Cameras made by the bundled ffmpeg (H.264 with G.711 or AAC sound) written to resource files,
 * from a key frame one second in, and read back: the picture copied, the sound a 440 Hz tone in
 * AAC, both starting at zero.
 */
public class ResourceFileTest {

    private static final int SECONDS = 4;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void g711SoundBecomesAacBesideTheCopiedPicture() throws Exception {
        Path written = resource(camera("pcm_mulaw", 8000, "matroska"));
        check(written, 48000);
    }

    @Test
    public void aacSoundIsCopied() throws Exception {
        Path written = resource(camera("aac", 44100, "mpegts"));
        check(written, 44100);
    }

    /** A camera whose clock steps back a little (RTP re-basing on RTCP): the packets are moved on, the file goes on. */
    @Test
    public void aSmallStepBackIsSmoothedOver() throws Exception {
        Path camera = camera("aac", 48000, "matroska");
        Path out = folder.getRoot().toPath().resolve("stepped.mp4");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(camera.toFile())) {
            g.start();
            try (ResourceFile file = new ResourceFile(out, g.getFormatContext(), g.getVideoStream(), g.getAudioStream())) {
                for (AVPacket p; (p = g.grabPacket()) != null;) {
                    AVStream stream = g.getFormatContext().streams(p.stream_index());
                    long step = avutil.av_rescale_q(300_000, avutil.av_make_q(1, 1_000_000), stream.time_base());
                    // from 2 s on, every timestamp 0.3 s earlier
                    if (p.dts() * avutil.av_q2d(stream.time_base()) >= 2) {
                        p.dts(p.dts() - step);
                        p.pts(p.pts() - step);
                    }
                    file.write(p);
                    avcodec.av_packet_unref(p);
                }
            }
        }
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(out.toFile())) {
            g.start();
            assertEquals("one file, the step taken out", SECONDS - 0.3, g.getLengthInTime() / 1e6, 0.2);
        }
    }

    /** A camera that restarts its clock mid-stream: the file refuses the step back, and another part takes over. */
    @Test
    public void aClockThatJumpsBackEndsThePartAndAnotherGoesOn() throws Exception {
        Path camera = camera("aac", 48000, "matroska");
        Path first = folder.getRoot().toPath().resolve("part1.mp4");
        Path second = folder.getRoot().toPath().resolve("part2.mp4");
        // the same camera read twice: the second time its clock starts again from zero
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(camera.toFile());
                FFmpegFrameGrabber restarted = new FFmpegFrameGrabber(camera.toFile())) {
            g.start();
            restarted.start();
            ResourceFile part = new ResourceFile(first, g.getFormatContext(), g.getVideoStream(), g.getAudioStream());
            for (AVPacket p; (p = g.grabPacket()) != null;) {
                part.write(p);
                avcodec.av_packet_unref(p);
            }
            assertTrue(part.begun());
            boolean refused = false;
            for (int i = 0; i < 50 && !refused; i++) {
                AVPacket back = restarted.grabPacket();
                try {
                    part.write(back);
                } catch (java.io.IOException expected) {
                    // what the lesson's source events say of the new part
                    assertTrue(expected.getMessage(), expected.getMessage().startsWith("its clock went back "));
                    refused = true;
                } finally {
                    avcodec.av_packet_unref(back);
                }
            }
            assertTrue("packets from before the last ones are refused", refused);
            part.close();
            ResourceFile next = part.another(second);
            boolean started = false;
            for (AVPacket p; (p = restarted.grabPacket()) != null;) {
                started |= next.write(p);
                avcodec.av_packet_unref(p);
            }
            next.close();
            assertTrue(started);
        }
        try (FFmpegFrameGrabber a = new FFmpegFrameGrabber(first.toFile()); FFmpegFrameGrabber b = new FFmpegFrameGrabber(second.toFile())) {
            a.start();
            b.start();
            assertEquals(SECONDS, a.getLengthInTime() / 1e6, 0.15);
            assertEquals("the second part from the first key frame after the refusal", SECONDS - 1, b.getLengthInTime() / 1e6, 0.15);
        }
    }

    private static void check(Path file, int rate) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.start();
            assertEquals("h264", g.getVideoCodecName());
            assertEquals("aac", g.getAudioCodecName());
            assertEquals(rate, g.getSampleRate());
            double seconds = g.getLengthInTime() / 1e6;
            assertEquals("from the key frame at 1 s to the end", SECONDS - 1, seconds, 0.15);
            long firstPicture = -1;
            long firstSound = -1;
            long swings = 0;
            long samples = 0;
            boolean up = false;
            for (Frame f; (f = g.grab()) != null;) {
                if (f.image != null && firstPicture < 0) firstPicture = f.timestamp;
                if (f.samples == null) continue;
                if (firstSound < 0) firstSound = f.timestamp;
                ShortBuffer s = (ShortBuffer) f.samples[0];
                while (s.hasRemaining()) {
                    // a swing counts when the wave passes a tenth of its height, so coding noise around zero does not
                    short v = s.get();
                    if (up ? v < -400 : v > 400) {
                        up = !up;
                        swings++;
                    }
                    samples++;
                }
            }
            assertEquals("the picture starts the file", 0, firstPicture);
            assertTrue("the sound starts with it: " + firstSound + " µs", Math.abs(firstSound) <= 30_000);
            double hz = swings / 2.0 / (samples / (double) rate);
            assertEquals("the tone", 440, hz, 10);
        }
    }

    /** An H.264 camera with a 440 Hz tone, {@code SECONDS} long, a key frame every second. */
    private Path camera(String soundCodec, int rate, String format) throws Exception {
        Path file = folder.getRoot().toPath().resolve("camera." + format);
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        ProcessBuilder b = new ProcessBuilder(List.of(ffmpeg, "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=" + rate, "-t",
                Integer.toString(SECONDS), "-c:v", "libopenh264", "-g", "25", "-c:a", soundCodec, "-f", format,
                file.toString())).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        b.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        Process p = b.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(output, 0, p.waitFor());
        return file;
    }

    /** Passes the camera's packets from 1 s on, as a live camera joined late would give them. */
    private Path resource(Path camera) throws Exception {
        Path out = folder.getRoot().toPath().resolve("resource.mp4");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(camera.toFile())) {
            g.start();
            int video = g.getVideoStream();
            int audio = g.getAudioStream();
            try (ResourceFile resource = new ResourceFile(out, g.getFormatContext(), video, audio)) {
                boolean started = false;
                for (AVPacket p; (p = g.grabPacket()) != null;) {
                    try {
                        AVStream stream = g.getFormatContext().streams(p.stream_index());
                        // MPEG-TS starts its clock at 1.4 s, Matroska at 0
                        double at = (p.pts() - stream.start_time()) * avutil.av_q2d(stream.time_base());
                        if (at >= 0.96) started |= resource.write(p);
                    } finally {
                        avcodec.av_packet_unref(p);
                    }
                }
                assertTrue(started);
            }
        }
        return out;
    }
}
