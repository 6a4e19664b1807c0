package org.yike.media.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.yike.media.ffmpeg.Ffmpeg.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.yike.api.encoder.AudioChunk;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.PacketSink;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveTrack;
import org.yike.media.ffmpeg.Ffmpeg;

/**
 * A profile encoded on FFmpeg's own API into fragmented MP4, each packet also handed to a
 * {@link PacketSink} as it leaves its encoder (a copy of its bytes, its times in microseconds):
 * H.264 in Annex B with SPS and PPS in the track's config, AAC raw with its AudioSpecificConfig.
 */
public final class Mp4Encoding implements Encoding {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);

    private final Path file;
    private final PacketSink sink;
    private final AVFormatContext output = new AVFormatContext(null);
    private H264Encoder video;
    private AacEncoder audio;
    private AVStream videoStream;
    private AVStream audioStream;
    private final Packets videoPackets = p -> write(p, video.context, videoStream, LiveTrack.Kind.VIDEO);
    private final Packets audioPackets = p -> write(p, audio.context, audioStream, LiveTrack.Kind.AUDIO);

    private Mp4Encoding(Path file, PacketSink sink) {
        this.file = file;
        this.sink = sink;
    }

    /**
     * Opens the encoders and writes the file's header; a profile without sound makes a file of
     * pictures only. On failure nothing is left open.
     */
    public static Mp4Encoding open(Profile profile, Path file, String videoEncoder, Map<String, String> videoOptions,
            PacketSink sink) throws IOException {
        Mp4Encoding e = new Mp4Encoding(file, sink);
        try {
            e.start(profile, videoEncoder, videoOptions);
        } catch (IOException | RuntimeException failure) {
            e.release();
            throw failure;
        }
        return e;
    }

    private void start(Profile profile, String videoEncoder, Map<String, String> videoOptions) throws IOException {
        check(avformat_alloc_output_context2(output, null, "mp4", file.toString()), "cannot make an MP4 file");
        boolean globalHeader = (output.oformat().flags() & AVFMT_GLOBALHEADER) != 0;
        video = new H264Encoder(profile, videoEncoder, videoOptions, globalHeader);
        videoStream = stream(video.context);
        videoStream.avg_frame_rate(video.context.framerate());
        if (profile.hasSound()) {
            audio = new AacEncoder(profile, globalHeader);
            audioStream = stream(audio.context);
        }
        Ffmpeg.beginFragmentedMp4(output, file);
        sink.tracks(LiveTrack.video(avcodec_get_name(video.context.codec_id()).getString(), profile.width(),
                        profile.height(), video.config()),
                audio == null ? null : LiveTrack.audio("aac", profile.audioSampleRate(), audio.channels(), audio.config()));
    }

    private AVStream stream(AVCodecContext codec) throws IOException {
        AVStream stream = avformat_new_stream(output, null);
        if (stream == null) throw new IOException("no memory for a stream");
        check(avcodec_parameters_from_context(stream.codecpar(), codec), "cannot describe a stream");
        stream.time_base(codec.time_base());
        return stream;
    }

    /** A picture of any size, at its time on the profile's frame rate. */
    @Override
    public void video(VideoFrame frame) throws IOException {
        video.encode(frame, videoPackets);
    }

    @Override
    public void audio(AudioChunk chunk) throws IOException {
        if (audio != null) audio.encode(chunk, audioPackets);
    }

    /** Hands the packet out, then writes it: the muxer takes it over. */
    private void write(AVPacket packet, AVCodecContext codec, AVStream stream, LiveTrack.Kind kind) throws IOException {
        if (kind == LiveTrack.Kind.AUDIO) packet.flags(packet.flags() | AV_PKT_FLAG_KEY);
        byte[] data = new byte[packet.size()];
        packet.data().get(data);
        long pts = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
        long dts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : pts;
        sink.packet(new LivePacket(kind, (packet.flags() & AV_PKT_FLAG_KEY) != 0, av_rescale_q(pts, codec.time_base(), MICROS),
                av_rescale_q(dts, codec.time_base(), MICROS), data));
        av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
        packet.stream_index(stream.index());
        check(av_interleaved_write_frame(output, packet), "cannot write to " + file);
    }

    /** Encodes what the encoders hold and finishes the file. */
    @Override
    public void close() throws IOException {
        if (output.isNull()) return;
        try {
            video.finish(videoPackets);
            if (audio != null) audio.finish(audioPackets);
            check(av_write_trailer(output), "finishing " + file + " failed");
        } finally {
            release();
        }
    }

    private void release() {
        if (video != null) video.close();
        if (audio != null) audio.close();
        video = null;
        audio = null;
        if (!output.isNull()) {
            if (output.pb() != null && !output.pb().isNull()) avio_closep(output.pb());
            avformat_free_context(output);
            output.setNull();
        }
    }
}
