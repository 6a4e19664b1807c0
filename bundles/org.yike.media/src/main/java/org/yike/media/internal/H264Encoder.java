package org.yike.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_CONSTRAINED_BASELINE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_image_fill_arrays;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.yike.media.ffmpeg.Ffmpeg.check;

import java.io.IOException;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.media.ffmpeg.Ffmpeg;

/**
 * A profile's H.264 through one of FFmpeg's encoders, from I420 pictures of any size: one of
 * another size than the profile's is scaled to it (swscale, bilinear). Settings as javacv's recorder
 * made them: constrained baseline, the profile's bitrate and GOP, a frame time base of 1/fps.
 */
final class H264Encoder implements AutoCloseable {

    final AVCodecContext context;
    private final int fps;
    /** A caller's picture, described in place. */
    private final AVFrame given = av_frame_alloc();
    /** A caller's picture scaled to the profile's size. */
    private final AVFrame scaled = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private SwsContext scaler;

    H264Encoder(Profile profile, String encoder, Map<String, String> options, boolean globalHeader) throws IOException {
        AVCodec codec = avcodec_find_encoder_by_name(encoder);
        if (codec == null) throw new IOException("this FFmpeg has no encoder " + encoder);
        fps = profile.fps();
        context = avcodec_alloc_context3(codec);
        try {
            context.codec_type(AVMEDIA_TYPE_VIDEO);
            context.bit_rate(profile.videoKbps() * 1000L);
            context.width(profile.width());
            context.height(profile.height());
            context.time_base(av_make_q(1, fps));
            context.framerate(av_make_q(fps, 1));
            context.gop_size(profile.gopFrames());
            context.pix_fmt(AV_PIX_FMT_YUV420P);
            // plays on anything, at no cost that matters for classroom pictures
            context.profile(AV_PROFILE_H264_CONSTRAINED_BASELINE);
            if (globalHeader) context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            context.thread_count(0);
            AVDictionary dictionary = new AVDictionary(null);
            options.forEach((k, v) -> av_dict_set(dictionary, k, v, 0));
            try {
                check(avcodec_open2(context, codec, dictionary), "cannot open " + encoder);
            } finally {
                av_dict_free(dictionary);
            }
            scaled.format(AV_PIX_FMT_YUV420P).width(profile.width()).height(profile.height());
            check(av_frame_get_buffer(scaled, 0), "no memory for a picture");
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** The global header (SPS and PPS) where the encoder was asked for one, else nothing. */
    byte[] config() {
        return Ffmpeg.extradata(context);
    }

    /** Encodes a picture at {@code timestampMicros}, the nearest frame of the profile's rate. */
    void encode(VideoFrame frame, Packets out) throws IOException {
        int w = frame.width();
        int h = frame.height();
        av_image_fill_arrays(given.data(), given.linesize(), new BytePointer(frame.i420()), AV_PIX_FMT_YUV420P, w, h, 1);
        given.format(AV_PIX_FMT_YUV420P).width(w).height(h);
        AVFrame picture = given;
        if (w != context.width() || h != context.height()) {
            scaler = sws_getCachedContext(scaler, w, h, AV_PIX_FMT_YUV420P, context.width(), context.height(),
                    AV_PIX_FMT_YUV420P, SWS_BILINEAR, (SwsFilter) null, (SwsFilter) null, (DoublePointer) null);
            // the encoder may still hold the last one
            check(av_frame_make_writable(scaled), "no memory for a picture");
            sws_scale(scaler, given.data(), given.linesize(), 0, h, scaled.data(), scaled.linesize());
            picture = scaled;
        }
        picture.pts(Math.round(frame.timestampMicros() * (double) fps / 1_000_000));
        check(avcodec_send_frame(context, picture), "video encoding failed");
        out.drain(context, packet);
    }

    /** The pictures the encoder still holds. */
    void finish(Packets out) throws IOException {
        check(avcodec_send_frame(context, null), "video encoding failed");
        out.drain(context, packet);
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        av_frame_free(given);
        av_frame_free(scaled);
        av_packet_free(packet);
        if (scaler != null) sws_freeContext(scaler);
    }
}
