package org.yike.recording.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_arrays;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.ffmpeg.swscale.SwsFilter;

/**
 * Decodes the packets of one compressed video stream into I420 pictures of the program's size. The
 * engine reads a camera's packets itself, so that they can also be copied as they are (resource
 * mode) and so that a camera off screen costs no decoding.
 */
final class PacketDecoder implements AutoCloseable {

    private final int width;
    private final int height;
    private final AVCodecContext context;
    private final AVFrame frame;
    private final PointerPointer<BytePointer> planes = new PointerPointer<>(4);
    private final IntPointer lineSizes = new IntPointer(4);
    private SwsContext scaler;

    PacketDecoder(AVCodecParameters stream, int width, int height) throws IOException {
        this.width = width;
        this.height = height;
        context = Decoders.open(stream);
        frame = av_frame_alloc();
    }

    /** Forgets what came before: the next packet must start a picture of its own (a key frame). */
    void restart() {
        avcodec_flush_buffers(context);
    }

    /**
     * Decodes a packet; with {@code into}, each picture it completes is scaled into it (I420, the
     * program's size). Answers how many pictures it completed (usually 0 or 1). A damaged packet
     * decodes to nothing rather than failing the source.
     */
    int decode(AVPacket packet, ByteBuffer into) {
        if (avcodec_send_packet(context, packet) < 0) return 0;
        int pictures = 0;
        while (avcodec_receive_frame(context, frame) == 0) {
            pictures++;
            if (into == null) {
                av_frame_unref(frame);
                continue;
            }
            scaler = sws_getCachedContext(scaler, frame.width(), frame.height(), frame.format(), width, height,
                    AV_PIX_FMT_YUV420P, SWS_BILINEAR, (SwsFilter) null, (SwsFilter) null,
                    (DoublePointer) null);
            av_image_fill_arrays(planes, lineSizes, new BytePointer(into), AV_PIX_FMT_YUV420P, width, height, 1);
            sws_scale(scaler, frame.data(), frame.linesize(), 0, frame.height(), planes, lineSizes);
            av_frame_unref(frame);
        }
        return pictures;
    }

    @Override
    public void close() {
        if (scaler != null) sws_freeContext(scaler);
        av_frame_free(frame);
        avcodec_free_context(context);
    }
}
