package org.yike.itests;

import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The virtual classroom's sync marker (the teacher camera flashes, the microphone beeps, at the
 * start of every second) read back from a 30 s recording: sound and picture keep their distance,
 * they do not drift apart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SyncTest extends InYike {

    private static final int W = 640;
    private static final int H = 360;
    private static final int SECONDS = 30;

    @Test
    public void soundAndPictureDoNotDriftApart() throws Exception {
        configureClassroom(Map.of("id", "virtual-101", "width", W, "height", H, "studentStandsEverySeconds", 0,
                "coursewareChangesEverySeconds", 0));
        configureRecording(SMALL_PROGRAM);
        Thread.sleep(1000);

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        Thread.sleep(SECONDS * 1000);
        Path program = Path.of(api.post("recordings/" + id + "/stop", "").body().get("files").get(0).get("path").asText());

        List<Double> flashes = flashes(program);
        List<Double> beeps = beeps(program);
        List<Double> offsets = new ArrayList<>();
        for (double beep : beeps) {
            double nearest = flashes.stream().min((a, b) -> Double.compare(Math.abs(a - beep), Math.abs(b - beep))).orElseThrow();
            if (Math.abs(nearest - beep) < 0.5) offsets.add(beep - nearest);
        }
        String seen = "flashes " + flashes.size() + ", beeps " + beeps.size() + ", sound minus picture (ms) " + offsets
                .stream().map(o -> Long.toString(Math.round(o * 1000))).toList();
        System.out.println("SyncTest: " + seen);
        assertTrue(seen, offsets.size() >= SECONDS - 3);
        double drift = mean(offsets.subList(offsets.size() - 5, offsets.size())) - mean(offsets.subList(0, 5));
        assertTrue("drift over " + SECONDS + " s: " + Math.round(drift * 1000) + " ms; " + seen, Math.abs(drift) <= 0.040);
        assertTrue("sound and picture within 100 ms: " + seen, Math.abs(mean(offsets)) <= 0.100);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Times of the pictures where the marker square lights up (after a dark one). */
    private static List<Double> flashes(Path file) throws Exception {
        List<Double> times = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            boolean lit = false;
            for (Frame f; (f = g.grabImage()) != null;) {
                boolean now = (((ByteBuffer) f.image[0]).get(15 * f.imageStride + W - 15) & 0xFF) > 200;
                if (now && !lit) times.add(f.timestamp / 1e6);
                lit = now;
            }
        }
        return times;
    }

    /** Times where the tone jumps to twice its pitch, found by counting zero crossings in 10 ms. */
    private static List<Double> beeps(Path file) throws Exception {
        List<Double> times = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            g.setAudioChannels(1);
            g.start();
            int rate = g.getSampleRate();
            int window = rate / 100;
            long index = 0;
            int crossings = 0;
            short last = 0;
            boolean high = false;
            for (Frame f; (f = g.grabSamples()) != null;) {
                ShortBuffer s = (ShortBuffer) f.samples[0];
                while (s.hasRemaining()) {
                    short v = s.get();
                    if ((v >= 0) != (last >= 0)) crossings++;
                    last = v;
                    if (++index % window == 0) {
                        boolean now = crossings > 13; // 440 Hz: about 9 in 10 ms, 880 Hz about 18
                        if (now && !high) times.add((index - window) / (double) rate);
                        high = now;
                        crossings = 0;
                    }
                }
            }
        }
        return times;
    }
}
