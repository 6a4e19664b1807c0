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

    /** The virtual cameras' keys: teacher red, students green, courseware blue (see TestPattern). */
    static String keyColour(ByteBuffer b, int w, int h, int x, int y) {
        int luma = b.get(y * w + x) & 0xFF;
        int u = b.get(w * h + (y / 2) * (w / 2) + x / 2) & 0xFF;
        int v = b.get(w * h + (w / 2) * (h / 2) + (y / 2) * (w / 2) + x / 2) & 0xFF;
        if (v > 200 && u < 128) return "red";
        if (u > 200 && v < 128) return "blue";
        if (u < 80 && v < 80 && luma > 100) return "green";
        return "y=" + luma + " u=" + u + " v=" + v;
    }
}
