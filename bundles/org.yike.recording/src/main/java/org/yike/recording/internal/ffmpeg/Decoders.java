package org.yike.recording.internal.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;

import java.io.IOException;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** Opening FFmpeg decoders for streams whose packets the engine reads itself. */
public final class Decoders {

    private Decoders() {
    }

    /** A decoder opened for the stream, or an exception naming the codec that could not be decoded. */
    public static AVCodecContext open(AVCodecParameters stream) throws IOException {
        AVCodec codec = avcodec_find_decoder(stream.codec_id());
        if (codec == null || codec.isNull()) throw new IOException("no decoder for codec " + stream.codec_id());
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (avcodec_parameters_to_context(context, stream) < 0 || avcodec_open2(context, codec, (AVDictionary) null) < 0) {
            avcodec_free_context(context);
            throw new IOException("cannot open the decoder " + codec.name().getString());
        }
        return context;
    }
}
