package org.yike.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
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
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;
import static org.yike.media.ffmpeg.Ffmpeg.check;

import java.io.IOException;
import java.nio.ShortBuffer;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.yike.api.encoder.AudioChunk;
import org.yike.api.encoder.Profile;
import org.yike.media.ffmpeg.Ffmpeg;

/**
 * A profile's AAC (FFmpeg's own encoder) from interleaved 16-bit PCM at any rate and channel count,
 * converted to the profile's (swresample) and cut into the encoder's frames (1024 samples) through a
 * FIFO. The sound is one continuous run: its first chunk's time is its start, and every sample
 * follows the one before, as the program's mixer delivers it.
 */
final class AacEncoder implements AutoCloseable {

    final AVCodecContext context;
    private final int rate;
    private final SwrContext resampler = new SwrContext(null);
    private final AVChannelLayout inputLayout = new AVChannelLayout();
    private AVAudioFifo fifo;
    /** The converted sound of one chunk, before the FIFO. */
    private final AVFrame converted = av_frame_alloc();
    /** One encoder frame, out of the FIFO. */
    private final AVFrame frame = av_frame_alloc();
    private final AVPacket packet = av_packet_alloc();
    private final PointerPointer<ShortPointer> inputPlanes = new PointerPointer<>(1);
    private ShortPointer input;
    /** The rate and channels the resampler is set up for; 0 before the first chunk. */
    private int inputRate;
    private int inputChannels;
    /** The time, in samples, of the first sample in the FIFO. */
    private long next = AV_NOPTS_VALUE;

    AacEncoder(Profile profile, boolean globalHeader) throws IOException {
        AVCodec aac = avcodec_find_encoder(AV_CODEC_ID_AAC);
        if (aac == null) throw new IOException("this FFmpeg has no AAC encoder");
        rate = profile.audioSampleRate();
        context = avcodec_alloc_context3(aac);
        try {
            context.codec_type(AVMEDIA_TYPE_AUDIO);
            context.bit_rate(profile.audioKbps() * 1000L);
            context.sample_rate(rate);
            av_channel_layout_default(context.ch_layout(), profile.audioChannels());
            context.sample_fmt(AV_SAMPLE_FMT_FLTP);
            context.time_base(av_make_q(1, rate));
            if (globalHeader) context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            check(avcodec_open2(context, aac, (AVDictionary) null), "cannot open the AAC encoder");
            fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, profile.audioChannels(), context.frame_size() * 4);
            if (fifo == null) throw new IOException("no memory for sound");
            frame.format(AV_SAMPLE_FMT_FLTP).sample_rate(rate).nb_samples(context.frame_size());
            av_channel_layout_copy(frame.ch_layout(), context.ch_layout());
            check(av_frame_get_buffer(frame, 0), "no memory for sound");
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** The AudioSpecificConfig. */
    byte[] config() {
        return Ffmpeg.extradata(context);
    }

    int channels() {
        return context.ch_layout().nb_channels();
    }

    void encode(AudioChunk chunk, Packets out) throws IOException {
        if (chunk.sampleRate() != inputRate || chunk.channels() != inputChannels) resample(chunk.sampleRate(), chunk.channels());
        if (next == AV_NOPTS_VALUE) next = chunk.timestampMicros() * rate / 1_000_000;
        int frames = chunk.frames();
        int samples = frames * chunk.channels();
        if (input == null || input.capacity() < samples) {
            if (input != null) input.close();
            input = new ShortPointer(samples);
            inputPlanes.put(0, input);
        }
        ShortBuffer pcm = chunk.samples().duplicate();
        input.position(0).limit(samples).asBuffer().put(pcm.limit(pcm.position() + samples));
        convert(inputPlanes, frames);
        encodeWhole(out);
    }

    /** Encodes what is left, the last frame short, and what the encoder holds. */
    void finish(Packets out) throws IOException {
        if (inputRate != 0) {
            convert(null, 0);
            encodeWhole(out);
            int left = av_audio_fifo_size(fifo);
            if (left > 0) {
                frame.nb_samples(left);
                send(out);
            }
        }
        check(avcodec_send_frame(context, null), "audio encoding failed");
        out.drain(context, packet);
    }

    private void resample(int sampleRate, int channels) throws IOException {
        av_channel_layout_default(inputLayout, channels);
        check(swr_alloc_set_opts2(resampler, context.ch_layout(), AV_SAMPLE_FMT_FLTP, rate, inputLayout,
                AV_SAMPLE_FMT_S16, sampleRate, 0, (Pointer) null), "cannot convert " + channels + " channels");
        check(swr_init(resampler), "cannot convert " + sampleRate + " Hz sound to " + rate + " Hz");
        inputRate = sampleRate;
        inputChannels = channels;
    }

    /** Converts {@code frames} of input ({@code null}: what the resampler still holds) into the FIFO. */
    private void convert(PointerPointer<ShortPointer> planes, int frames) throws IOException {
        int room = swr_get_out_samples(resampler, frames);
        if (room <= 0) return;
        if (converted.nb_samples() < room) {
            av_frame_unref(converted);
            converted.format(AV_SAMPLE_FMT_FLTP).sample_rate(rate).nb_samples(room);
            av_channel_layout_copy(converted.ch_layout(), context.ch_layout());
            check(av_frame_get_buffer(converted, 0), "no memory for sound");
        }
        int made = check(swr_convert(resampler, converted.extended_data(), room, planes, frames), "cannot convert sound");
        if (made > 0 && av_audio_fifo_write(fifo, converted.extended_data(), made) < made) throw new IOException("no memory for sound");
    }

    private void encodeWhole(Packets out) throws IOException {
        while (av_audio_fifo_size(fifo) >= context.frame_size()) {
            frame.nb_samples(context.frame_size());
            send(out);
        }
    }

    /** Sends the next {@code frame.nb_samples()} of the FIFO to the encoder. */
    private void send(Packets out) throws IOException {
        int n = frame.nb_samples();
        // the encoder may still hold the last frame
        check(av_frame_make_writable(frame), "no memory for sound");
        av_audio_fifo_read(fifo, frame.extended_data(), n);
        frame.pts(next);
        next += n;
        check(avcodec_send_frame(context, frame), "audio encoding failed");
        out.drain(context, packet);
    }

    @Override
    public void close() {
        avcodec_free_context(context);
        swr_free(resampler);
        if (fifo != null) av_audio_fifo_free(fifo);
        av_frame_free(converted);
        av_frame_free(frame);
        av_packet_free(packet);
        if (input != null) input.close();
        inputPlanes.close();
        inputLayout.close();
    }
}
