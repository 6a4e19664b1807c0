package org.yike.itests;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * The virtual classroom's sync marker read back from a recorded program: the times the teacher
 * camera's top-right square lights (the start of each of its seconds) and the times the microphone
 * beeps (twice its pitch at the start of each of its seconds); and every camera's wall-clock marker.
 */
final class SyncMarks {

    final List<Double> flashes;
    final List<Double> beeps;

    private SyncMarks(List<Double> flashes, List<Double> beeps) {
        this.flashes = flashes;
        this.beeps = beeps;
    }

    /** The marks of a program {@code w} by {@code h} that shows the teacher full screen. */
    static SyncMarks read(Path file, int w, int h) throws Exception {
        return new SyncMarks(flashes(file, w, h), beeps(file));
    }

    /** For each beep with a flash within half a second: the beep's time minus the flash's, in seconds. */
    List<Double> offsets() {
        List<Double> offsets = new ArrayList<>();
        for (double beep : beeps) {
            double nearest = flashes.stream().min((a, b) -> Double.compare(Math.abs(a - beep), Math.abs(b - beep))).orElseThrow();
            if (Math.abs(nearest - beep) < 0.5) offsets.add(beep - nearest);
        }
        return offsets;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Override
    public String toString() {
        return "flashes " + flashes.size() + ", beeps " + beeps.size();
    }

    /** Times of the pictures where the marker square lights up (after a dark one). */
    private static List<Double> flashes(Path file, int w, int h) throws Exception {
        // the square's side, as TestPattern sizes it
        int side = Math.max(8, h / 12) & ~1;
        return lightings(file, f -> (((ByteBuffer) f.image[0]).get(side / 2 * f.imageStride + w - side / 2) & 0xFF) > 200);
    }

    /**
     * Times (seconds into the file) of the pictures where a virtual camera's wall-clock marker, the
     * white square in its bottom-left corner that every camera lights on the first frame of each
     * wall-clock second, lights up; for a file showing one camera of height {@code cameraHeight}
     * full frame, at any size.
     */
    static List<Double> clockMarks(Path file, int cameraHeight) throws Exception {
        // the square's side in the camera, as TestPattern sizes it, is a part of the height at any size
        double part = (Math.max(8, cameraHeight / 12) & ~1) / (double) cameraHeight;
        return lightings(file, f -> {
            ByteBuffer b = ((ByteBuffer) f.image[0]).duplicate();
            b.limit(b.capacity());
            int middle = (int) (part * f.imageHeight / 2);
            return Pictures.white(b, f.imageStride, f.imageHeight, middle, f.imageHeight - 1 - middle);
        });
    }

    private static List<Double> lightings(Path file, Predicate<Frame> lit) throws Exception {
        List<Double> times = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            boolean before = false;
            for (Frame f; (f = g.grabImage()) != null;) {
                boolean now = lit.test(f);
                if (now && !before) times.add(f.timestamp / 1e6);
                before = now;
            }
        }
        return times;
    }

    /** Times where the tone jumps to twice its pitch for 20 ms at least, found by counting zero crossings in 10 ms. */
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
            int highBlocks = 0;
            for (Frame f; (f = g.grabSamples()) != null;) {
                ShortBuffer s = (ShortBuffer) f.samples[0];
                while (s.hasRemaining()) {
                    short v = s.get();
                    if ((v >= 0) != (last >= 0)) crossings++;
                    last = v;
                    if (++index % window == 0) {
                        // 440 Hz: about 9 in 10 ms, 880 Hz about 18; a beep lasts 40 ms, while the
                        // encoder's ringing where the sound begins or ends fills one block at most
                        highBlocks = crossings > 13 ? highBlocks + 1 : 0;
                        if (highBlocks == 2) times.add((index - 2 * window) / (double) rate);
                        crossings = 0;
                    }
                }
            }
        }
        return times;
    }
}
