package org.yike.recording.internal.input;

import static org.bytedeco.ffmpeg.global.avutil.AV_FRAME_CROP_UNALIGNED;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_apply_cropping;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_arrays;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.yike.api.director.Framing;

/**
 * Scales pictures into the program's size in I420 (or another size and pixel format: the small grey
 * pictures analysis plugins get), first cropping them to a shot's framing (electronic PTZ). A camera's
 * picture is cropped at the camera's own resolution.
 */
public final class PictureScaler implements AutoCloseable {

    private final int width;
    private final int height;
    private final int pixelFormat;
    private final PointerPointer<BytePointer> planes = new PointerPointer<>(4);
    private final IntPointer lineSizes = new IntPointer(4);
    /** Describes a picture held in a buffer, so it can be cropped like a decoded one. */
    private final AVFrame held = av_frame_alloc();
    private SwsContext scaler;

    PictureScaler(int width, int height) {
        this(width, height, AV_PIX_FMT_YUV420P);
    }

    /** @param pixelFormat FFmpeg's {@code AV_PIX_FMT_*} of the pictures made */
    public PictureScaler(int width, int height, int pixelFormat) {
        this.width = width;
        this.height = height;
        this.pixelFormat = pixelFormat;
    }

    /** Scales {@code frame} (any pixel format), cropped to {@code framing} if that is a crop, into {@code into}. */
    public void scale(AVFrame frame, Framing framing, ByteBuffer into) {
        if (framing != null && framing.isCrop()) crop(frame, framing);
        scaler = sws_getCachedContext(scaler, frame.width(), frame.height(), frame.format(), width, height,
                pixelFormat, SWS_BILINEAR, (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
        av_image_fill_arrays(planes, lineSizes, new BytePointer(into), pixelFormat, width, height, 1);
        sws_scale(scaler, frame.data(), frame.linesize(), 0, frame.height(), planes, lineSizes);
    }

    /** The same for an I420 picture {@code w} by {@code h} (a raw source's, at its own size or the program's). */
    public void scale(ByteBuffer picture, int w, int h, Framing framing, ByteBuffer into) {
        av_image_fill_arrays(held.data(), held.linesize(), new BytePointer(picture), AV_PIX_FMT_YUV420P, w, h, 1);
        held.width(w).height(h).format(AV_PIX_FMT_YUV420P);
        scale(held, framing, into);
    }

    /** Whole pixels, even ones so that chroma planes crop with luma. */
    private static void crop(AVFrame frame, Framing c) {
        int w = frame.width();
        int h = frame.height();
        int left = (int) Math.round(c.x() * w) & ~1;
        int top = (int) Math.round(c.y() * h) & ~1;
        int right = Math.max(0, w - left - Math.max(2, (int) Math.round(c.width() * w) & ~1));
        int bottom = Math.max(0, h - top - Math.max(2, (int) Math.round(c.height() * h) & ~1));
        frame.crop_left(left).crop_top(top).crop_right(right).crop_bottom(bottom);
        av_frame_apply_cropping(frame, AV_FRAME_CROP_UNALIGNED);
    }

    @Override
    public void close() {
        if (scaler != null) sws_freeContext(scaler);
        av_frame_free(held);
    }
}
