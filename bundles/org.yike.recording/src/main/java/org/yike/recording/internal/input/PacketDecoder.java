package org.yike.recording.internal.input;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.yike.api.director.Framing;
import org.yike.recording.internal.vision.PictureTap;
import org.yike.recording.internal.ffmpeg.Decoders;

/**
 * Decodes the packets of one compressed video stream into I420 pictures of the program's size. The
 * engine reads a camera's packets itself, so that they can also be copied as they are (resource
 * mode) and so that a camera off screen costs no decoding.
 */
final class PacketDecoder implements AutoCloseable {

    private final AVCodecContext context;
    private final AVFrame frame;
    private final PictureScaler scaler;

    PacketDecoder(AVCodecParameters stream, int width, int height) throws IOException {
        context = Decoders.open(stream);
        frame = av_frame_alloc();
        scaler = new PictureScaler(width, height);
    }

    /** Forgets what came before: the next packet must start a picture of its own (a key frame). */
    void restart() {
        avcodec_flush_buffers(context);
    }

    /**
     * Decodes a packet; with {@code into}, each picture it completes is scaled into it (I420, the
     * program's size), cropped to {@code framing} if that is a crop; with {@code pictures}, each goes
     * there whole first. Answers how many pictures it completed (usually 0 or 1). A damaged packet
     * decodes to nothing rather than failing the source.
     */
    int decode(AVPacket packet, ByteBuffer into, Framing framing, PictureTap pictures) {
        if (avcodec_send_packet(context, packet) < 0) return 0;
        int completed = 0;
        while (avcodec_receive_frame(context, frame) == 0) {
            completed++;
            if (pictures != null) pictures.offer(frame);
            if (into != null) scaler.scale(frame, framing, into);
            av_frame_unref(frame);
        }
        return completed;
    }

    @Override
    public void close() {
        scaler.close();
        av_frame_free(frame);
        avcodec_free_context(context);
    }
}
