package org.yike.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.yike.media.ffmpeg.Ffmpeg.check;

import java.io.IOException;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** Where an encoder's packets go, in the encoder's time base; what it does with one is done before the next. */
interface Packets {

    void write(AVPacket packet) throws IOException;

    /** Writes every packet {@code codec} has ready, through {@code packet}. */
    default void drain(AVCodecContext codec, AVPacket packet) throws IOException {
        for (int r; (r = avcodec_receive_packet(codec, packet)) != AVERROR_EAGAIN() && r != AVERROR_EOF;) {
            check(r, "encoding failed");
            try {
                write(packet);
            } finally {
                av_packet_unref(packet);
            }
        }
    }
}
