package org.yike.itests;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** Pictures decoded from recorded files, and the virtual cameras' colour keys read from them. */
final class Pictures {

    private Pictures() {
    }

    /** The decoded I420 picture shown at {@code seconds}. */
    static ByteBuffer at(Path file, double seconds) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            for (Frame f; (f = g.grabImage()) != null;) {
                if (f.timestamp >= seconds * 1e6) {
                    ByteBuffer all = ((ByteBuffer) f.image[0]).duplicate();
                    all.limit(all.capacity()).position(0);
                    ByteBuffer copy = ByteBuffer.allocate(all.remaining());
                    copy.put(all);
                    return copy.flip();
                }
            }
        }
        throw new AssertionError("the program is shorter than " + seconds + " s");
    }

    /** Whether the picture is white here: bright and without colour, as the virtual cameras' markers are. */
    static boolean white(ByteBuffer b, int w, int h, int x, int y) {
        int[] p = yuv(b, w, h, x, y);
        return p[0] > 200 && Math.abs(p[1] - 128) < 24 && Math.abs(p[2] - 128) < 24;
    }

    /** The virtual cameras' keys: teacher red, students green, courseware blue (see TestPattern). */
    static String keyColour(ByteBuffer b, int w, int h, int x, int y) {
        int[] p = yuv(b, w, h, x, y);
        int luma = p[0], u = p[1], v = p[2];
        if (v > 200 && u < 128) return "red";
        if (u > 200 && v < 128) return "blue";
        if (u < 80 && v < 80 && luma > 100) return "green";
        return "y=" + luma + " u=" + u + " v=" + v;
    }

    /** Y, U and V at (x, y) of an I420 picture {@code w} by {@code h}. */
    private static int[] yuv(ByteBuffer b, int w, int h, int x, int y) {
        return new int[] {b.get(y * w + x) & 0xFF, b.get(w * h + (y / 2) * (w / 2) + x / 2) & 0xFF,
                b.get(w * h + (w / 2) * (h / 2) + (y / 2) * (w / 2) + x / 2) & 0xFF};
    }
}
