package org.yike.recording.internal.live;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.util.Arrays;
import java.util.function.LongSupplier;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.yike.api.encoder.PacketSink;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveTrack;
import org.yike.media.ffmpeg.Ffmpeg;

/**
 * A camera's own stream in resource mode, for one connection: a compressed camera's packets as
 * they came (copied, never decoded), or a raw camera's own encoding. Its times are on the lesson's
 * clock: a compressed camera's first key frame is at the lesson's time when it arrived, and its
 * own clock runs on from there. AAC framed for streaming (ADTS) goes out raw, with the
 * AudioSpecificConfig its header describes, as the track promises.
 */
public final class CameraFeed {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);
    private static final int[] AAC_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

    private final Channel channel;
    private final LongSupplier lessonMicros;
    private AVFormatContext input;
    private int video = -1;
    private int audio = -1;
    /** AAC: its packets may come framed for streaming (ADTS, as in MPEG-TS). */
    private boolean aac;
    /** The camera's time of its first key frame, and the lesson's then, in microseconds. */
    private long origin = AV_NOPTS_VALUE;
    private long anchor;

    CameraFeed(Channel channel, LongSupplier lessonMicros) {
        this.channel = channel;
        this.lessonMicros = lessonMicros;
    }

    /** A compressed camera's streams ({@code audio} -1: none), listed with their codecs' configuration. */
    public void open(AVFormatContext format, int videoStream, int audioStream) {
        input = format;
        video = videoStream;
        audio = audioStream;
        AVCodecParameters v = format.streams(video).codecpar();
        LiveTrack sound = null;
        if (audio >= 0) {
            AVCodecParameters a = format.streams(audio).codecpar();
            byte[] config = Ffmpeg.extradata(a);
            aac = a.codec_id() == AV_CODEC_ID_AAC;
            if (aac && config.length == 0) config = audioSpecificConfig(a.profile(), a.sample_rate(), a.ch_layout().nb_channels());
            sound = LiveTrack.audio(avcodec_get_name(a.codec_id()).getString(), a.sample_rate(), a.ch_layout().nb_channels(), config);
        }
        channel.tracks(LiveTrack.video(avcodec_get_name(v.codec_id()).getString(), v.width(), v.height(), Ffmpeg.extradata(v)), sound);
    }

    /** A packet of the camera, before anything rewrites its times; the stream starts at a key frame. */
    public void packet(AVPacket packet) {
        int index = packet.stream_index();
        if (index != video && index != audio) return;
        long pts = micros(packet.pts(), index);
        long dts = micros(packet.dts(), index);
        long at = dts != AV_NOPTS_VALUE ? dts : pts;
        if (at == AV_NOPTS_VALUE) return;
        boolean key = (packet.flags() & AV_PKT_FLAG_KEY) != 0;
        if (origin == AV_NOPTS_VALUE) {
            if (index != video || !key) return;
            origin = at;
            anchor = lessonMicros.getAsLong();
        }
        long shift = anchor - origin;
        byte[] data = new byte[packet.size()];
        packet.data().get(data);
        if (index == audio && aac) data = withoutAdtsHeader(data);
        channel.packet(new LivePacket(index == video ? LiveTrack.Kind.VIDEO : LiveTrack.Kind.AUDIO, key,
                (pts != AV_NOPTS_VALUE ? pts : at) + shift, at + shift, data));
    }

    /**
     * The sink of a raw camera's own encoding, whose times count from its file's start; the file
     * starts {@code offsetMicros} into the lesson, known by its first packet.
     */
    public PacketSink encoded(LongSupplier offsetMicros) {
        return new PacketSink() {
            @Override
            public void tracks(LiveTrack v, LiveTrack a) {
                channel.tracks(v, a);
            }

            @Override
            public void packet(LivePacket p) {
                long offset = offsetMicros.getAsLong();
                channel.packet(new LivePacket(p.kind(), p.key(), p.ptsMicros() + offset, p.dtsMicros() + offset, p.data()));
            }
        };
    }

    /** The connection is over. */
    public void end() {
        channel.end();
    }

    private long micros(long t, int index) {
        return t == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : av_rescale_q(t, input.streams(index).time_base(), MICROS);
    }

    /** ISO 14496-3's two bytes: object type (AAC LC where FFmpeg knows no profile), rate index, channels. */
    static byte[] audioSpecificConfig(int ffmpegProfile, int sampleRate, int channels) {
        int type = ffmpegProfile >= 0 ? ffmpegProfile + 1 : 2;
        int rate = 0;
        while (rate < AAC_RATES.length - 1 && AAC_RATES[rate] != sampleRate) rate++;
        return new byte[] {(byte) (type << 3 | rate >> 1), (byte) ((rate & 1) << 7 | channels << 3)};
    }

    /** An ADTS frame's payload: its header is 7 bytes, 9 with a checksum. */
    static byte[] withoutAdtsHeader(byte[] frame) {
        if (frame.length < 9 || (frame[0] & 0xff) != 0xff || (frame[1] & 0xf0) != 0xf0) return frame;
        return Arrays.copyOfRange(frame, (frame[1] & 1) == 1 ? 7 : 9, frame.length);
    }
}
