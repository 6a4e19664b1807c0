package org.yike.recording.internal;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
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

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.ffmpeg.swscale.SwsFilter;

/**
 * Decodes the packets of one compressed video stream into I420 pictures of the program's size,
 * for a source whose packets are also copied as they are (resource mode), so it is read once.
 */
final class PacketDecoder implements AutoCloseable {

    private final int width;
    private final int height;
    private final AVCodecContext context;
    private final AVFrame frame = av_frame_alloc();
    private final PointerPointer<BytePointer> planes = new PointerPointer<>(4);
    private final IntPointer lineSizes = new IntPointer(4);
    private SwsContext scaler;

    PacketDecoder(AVCodecParameters stream, int width, int height) throws IOException {
        this.width = width;
        this.height = height;
        AVCodec codec = avcodec_find_decoder(stream.codec_id());
        if (codec == null || codec.isNull()) throw new IOException("no decoder for codec " + stream.codec_id());
        context = avcodec_alloc_context3(codec);
        if (avcodec_parameters_to_context(context, stream) < 0 || avcodec_open2(context, codec, (AVDictionary) null) < 0) {
            close();
            throw new IOException("cannot open the decoder " + codec.name().getString());
        }
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
        if (context != null) avcodec_free_context(context);
    }
}
