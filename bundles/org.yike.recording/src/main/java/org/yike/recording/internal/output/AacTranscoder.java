package org.yike.recording.internal.output;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_reset;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.io.IOException;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.Pointer;
import org.yike.recording.internal.ffmpeg.Decoders;

/**
 * Turns a camera's sound that MP4 cannot hold (G.711 and the like) into AAC at 48 kHz for its
 * resource file. Timestamps follow the camera's: after a gap in its sound the AAC jumps with it,
 * so the sound stays with the picture.
 */
final class AacTranscoder implements AutoCloseable {

    interface Sink {
        void write(AVPacket packet, AVRational timeBase) throws IOException;
    }

    private static final int RATE = 48000;
    private static final int BITS_PER_SECOND_PER_CHANNEL = 64_000;
    /** Further than this from where the sound should be, the camera skipped some: follow it. */
    private static final long RESYNC_MICROS = 100_000;

    private final AVCodecContext decoder;
    private final AVCodecContext encoder;
    private final SwrContext resampler = new SwrContext(null);
    private final AVAudioFifo fifo;
    private final AVRational samples = av_make_q(1, RATE);
    private final AVFrame decoded = av_frame_alloc();
    private final AVFrame converted = av_frame_alloc();
    private final AVFrame chunk = av_frame_alloc();
    private final AVPacket encoded = av_packet_alloc();
    /** Where, in samples of the file, the first sample waiting in the fifo belongs. */
    private long nextPts = AV_NOPTS_VALUE;

    /** Sets {@code out}'s parameters to the AAC this makes. */
    AacTranscoder(AVCodecParameters in, AVStream out, boolean globalHeader) throws IOException {
        decoder = Decoders.open(in);
        AVCodec aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
        encoder = avcodec_alloc_context3(aac);
        if (decoder.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC || decoder.ch_layout().nb_channels() == 0) {
            av_channel_layout_default(decoder.ch_layout(), Math.max(1, in.ch_layout().nb_channels()));
        }
        av_channel_layout_copy(encoder.ch_layout(), decoder.ch_layout());
        int channels = encoder.ch_layout().nb_channels();
        encoder.sample_fmt(AV_SAMPLE_FMT_FLTP);
        encoder.sample_rate(RATE);
        encoder.bit_rate((long) BITS_PER_SECOND_PER_CHANNEL * channels);
        encoder.time_base(samples);
        if (globalHeader) encoder.flags(encoder.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        if (avcodec_open2(encoder, aac, (AVDictionary) null) < 0 || avcodec_parameters_from_context(out.codecpar(), encoder) < 0) {
            close();
            throw new IOException("cannot open the AAC encoder");
        }
        out.time_base(samples);
        if (swr_alloc_set_opts2(resampler, encoder.ch_layout(), AV_SAMPLE_FMT_FLTP, RATE, decoder.ch_layout(),
                decoder.sample_fmt(), decoder.sample_rate(), 0, (Pointer) null) < 0 || swr_init(resampler) < 0) {
            close();
            throw new IOException("cannot convert " + decoder.sample_rate() + " Hz sound to " + RATE + " Hz");
        }
        fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, encoder.frame_size() * 4);
        chunk.nb_samples(encoder.frame_size());
        chunk.format(AV_SAMPLE_FMT_FLTP);
        chunk.sample_rate(RATE);
        av_channel_layout_copy(chunk.ch_layout(), encoder.ch_layout());
        av_frame_get_buffer(chunk, 0);
    }

    /** Decodes the packet ({@code timeBase}: its stream's) and writes the AAC packets it completes. */
    void transcode(AVPacket packet, AVRational timeBase, Sink sink) throws IOException {
        if (avcodec_send_packet(decoder, packet) < 0) return; // a damaged packet is silence, not a failure
        while (avcodec_receive_frame(decoder, decoded) == 0) {
            try {
                long at = decoded.best_effort_timestamp();
                if (at != AV_NOPTS_VALUE) follow(av_rescale_q(at, timeBase, samples));
                converted.format(AV_SAMPLE_FMT_FLTP);
                converted.sample_rate(RATE);
                av_channel_layout_copy(converted.ch_layout(), encoder.ch_layout());
                if (swr_convert_frame(resampler, converted, decoded) == 0) {
                    av_audio_fifo_write(fifo, converted.extended_data(), converted.nb_samples());
                }
            } finally {
                av_frame_unref(converted);
                av_frame_unref(decoded);
            }
            encodeWhole(sink);
        }
    }

    /** Keeps the sound where the camera says it is, unless it is already within {@link #RESYNC_MICROS}. */
    private void follow(long samplePts) {
        long waiting = av_audio_fifo_size(fifo);
        if (nextPts != AV_NOPTS_VALUE && Math.abs(samplePts - (nextPts + waiting)) * 1_000_000 / RATE <= RESYNC_MICROS) return;
        av_audio_fifo_reset(fifo);
        nextPts = samplePts;
    }

    private void encodeWhole(Sink sink) throws IOException {
        int size = encoder.frame_size();
        while (av_audio_fifo_size(fifo) >= size) {
            av_frame_make_writable(chunk);
            av_audio_fifo_read(fifo, chunk.extended_data(), size);
            chunk.pts(nextPts);
            nextPts += size;
            send(chunk, sink);
        }
    }

    private void send(AVFrame frame, Sink sink) throws IOException {
        if (avcodec_send_frame(encoder, frame) < 0) return;
        while (avcodec_receive_packet(encoder, encoded) == 0) {
            try {
                sink.write(encoded, samples);
            } finally {
                av_packet_unref(encoded);
            }
        }
    }

    /** Writes what the encoder still holds; less than one AAC frame (21 ms) of sound is left out. */
    void finish(Sink sink) throws IOException {
        send(null, sink);
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        avcodec_free_context(encoder);
        swr_free(resampler);
        if (fifo != null) av_audio_fifo_free(fifo);
        av_frame_free(decoded);
        av_frame_free(converted);
        av_frame_free(chunk);
        av_packet_free(encoded);
    }
}
