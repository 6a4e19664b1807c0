package org.yike.media.ffmpeg;

import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.yike.media.MediaInfo;

/** What every direct user of FFmpeg's API in Yike does the same way. */
public final class Ffmpeg {

    private Ffmpeg() {
    }

    /** FFmpeg's error number in words. */
    public static String errorText(int error) {
        byte[] text = new byte[256];
        if (av_strerror(error, text, text.length) < 0) return "error " + error;
        int end = 0;
        while (end < text.length && text[end] != 0) end++;
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }

    /** Answers {@code result} where FFmpeg succeeded, else says what failed and why. */
    public static int check(int result, String what) throws IOException {
        if (result < 0) throw new IOException(what + " (" + errorText(result) + ")");
        return result;
    }

    /** The codec's global header (H.264's SPS and PPS, AAC's AudioSpecificConfig), empty where it has none. */
    public static byte[] extradata(AVCodecContext codec) {
        return bytes(codec.extradata(), codec.extradata_size());
    }

    /** The same for a stream read from a file or a camera. */
    public static byte[] extradata(AVCodecParameters stream) {
        return bytes(stream.extradata(), stream.extradata_size());
    }

    private static byte[] bytes(BytePointer data, int size) {
        byte[] bytes = new byte[Math.max(0, size)];
        if (bytes.length > 0) data.get(bytes);
        return bytes;
    }

    /**
     * Opens {@code file} for an MP4 muxer whose streams are set up and writes its header, as every
     * recorded file is made: a fragment every second, flushed to the file at once, so a crash loses at
     * most the last second or two; {@code delay_moov} lets the muxer write the edit list that hides
     * AAC priming (else the video starts late).
     */
    public static void beginFragmentedMp4(AVFormatContext output, Path file) throws IOException {
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "cannot write " + file);
        output.pb(io);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "movflags", "+frag_keyframe+empty_moov+delay_moov+default_base_moof", 0);
        av_dict_set(options, "frag_duration", "1000000", 0);
        av_dict_set(options, "flush_packets", "1", 0);
        try {
            check(avformat_write_header(output, options), "cannot start " + file);
        } finally {
            av_dict_free(options);
        }
    }

    /**
     * What an opened input carries, stream by stream, as its demuxer found it (no duration, no frame
     * times): what a probe of a camera and a lesson reading it both report.
     */
    public static MediaInfo streams(AVFormatContext input) {
        List<MediaInfo.Stream> streams = new ArrayList<>();
        for (int i = 0; i < input.nb_streams(); i++) {
            AVStream stream = input.streams(i);
            AVCodecParameters p = stream.codecpar();
            BytePointer type = avutil.av_get_media_type_string(p.codec_type());
            BytePointer profile = avcodec.avcodec_profile_name(p.codec_id(), p.profile());
            streams.add(new MediaInfo.Stream(type == null ? "unknown" : type.getString(),
                    avcodec.avcodec_get_name(p.codec_id()).getString(), profile == null ? "" : profile.getString(),
                    p.width(), p.height(), avutil.av_q2d(stream.avg_frame_rate()), p.sample_rate(),
                    p.ch_layout().nb_channels()));
        }
        return new MediaInfo(0, streams, List.of());
    }
}
