package org.yike.recording.internal.program;

import java.nio.ByteBuffer;
import java.util.List;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.yike.api.director.Layout;

/**
 * Puts a layout's pictures together into one program picture, all I420 at the program's size, with
 * an FFmpeg filter graph (scale, overlay, stack) kept open while the layout stays. A full-screen
 * shot is a copy.
 */
final class Composer implements AutoCloseable {

    private final int width;
    private final int height;
    private final int fps;
    private Layout layout;
    private FFmpegFrameFilter filter;

    Composer(int width, int height, int fps) {
        this.width = width;
        this.height = height;
        this.fps = fps;
    }

    /**
     * Composes {@code pictures} (main picture first, as many as the layout shows) into {@code into};
     * answers {@code false} when the graph has no picture yet, and {@code into} is unchanged.
     */
    boolean compose(Layout shot, List<ByteBuffer> pictures, ByteBuffer into) throws FrameFilter.Exception {
        if (shot == Layout.FULL) {
            copy(pictures.get(0), into);
            return true;
        }
        if (shot != layout) {
            close();
            filter = open(shot);
            layout = shot;
        }
        for (int i = 0; i < shot.sources(); i++) {
            filter.pushImage(i, width, height, Frame.DEPTH_UBYTE, 1, width, avutil.AV_PIX_FMT_YUV420P,
                    pictures.get(i).duplicate().clear());
        }
        Frame out = filter.pullImage();
        if (out == null) return false;
        copy((ByteBuffer) out.image[0], into);
        return true;
    }

    private FFmpegFrameFilter open(Layout shot) throws FrameFilter.Exception {
        FFmpegFrameFilter f = new FFmpegFrameFilter(graph(shot, width, height), width, height);
        f.setVideoInputs(shot.sources());
        f.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        f.setFrameRate(fps);
        f.start();
        return f;
    }

    /** The filter graph of a layout; inputs are {@code [0:v]}, {@code [1:v]}..., the output {@code [v]}. */
    static String graph(Layout shot, int w, int h) {
        int margin = even(h / 30);
        int pw = even(w / 4);
        int ph = even(h / 4);
        int hw = even(w / 2);
        int hh = even(h / 2);
        return switch (shot) {
            case FULL -> "[0:v]null[v]";
            case PIP_TOP_LEFT, PIP_TOP_RIGHT, PIP_BOTTOM_LEFT, PIP_BOTTOM_RIGHT -> {
                boolean left = shot == Layout.PIP_TOP_LEFT || shot == Layout.PIP_BOTTOM_LEFT;
                boolean top = shot == Layout.PIP_TOP_LEFT || shot == Layout.PIP_TOP_RIGHT;
                yield "[1:v]scale=" + pw + ":" + ph + "[pip];[0:v][pip]overlay=x=" + (left ? margin : w - pw - margin)
                        + ":y=" + (top ? margin : h - ph - margin) + ":format=yuv420,format=yuv420p[v]";
            }
            case SIDE_BY_SIDE -> "[0:v]scale=" + hw + ":" + hh + "[a];[1:v]scale=" + hw + ":" + hh
                    + "[b];[a][b]hstack=inputs=2,pad=" + w + ":" + h + ":0:" + even((h - hh) / 2)
                    + ":black,format=yuv420p[v]";
            case QUAD -> "[0:v]scale=" + hw + ":" + hh + "[a];[1:v]scale=" + hw + ":" + hh + "[b];[2:v]scale=" + hw
                    + ":" + hh + "[c];[3:v]scale=" + hw + ":" + hh
                    + "[d];[a][b][c][d]xstack=inputs=4:layout=0_0|w0_0|0_h0|w0_h0,pad=" + w + ":" + h
                    + ",format=yuv420p[v]";
        };
    }

    private static int even(int n) {
        return n & ~1;
    }

    private static void copy(ByteBuffer from, ByteBuffer into) {
        // javacv limits picture buffers to their first plane; the others follow in the same allocation
        ByteBuffer all = from.duplicate();
        all.limit(Math.min(all.capacity(), into.capacity())).position(0);
        into.clear();
        into.put(all);
        into.flip();
    }

    @Override
    public void close() {
        if (filter == null) return;
        try {
            filter.close();
        } catch (FrameFilter.Exception ignored) {
            // a graph that cannot close has nothing left to give
        }
        filter = null;
        layout = null;
    }
}
