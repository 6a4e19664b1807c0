package org.yike.recording.internal.output;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_get_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_init;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_bsf_send_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_query_codec;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;
import static org.yike.media.ffmpeg.Ffmpeg.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVBSFContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avcodec;
import org.yike.media.ffmpeg.Ffmpeg;

/**
 * One camera's own file in resource mode, in fragmented MP4 like the program: its video packets
 * as they came (never decoded or encoded again), and its sound, copied where MP4 can hold it
 * (AAC, Opus, MP3) and otherwise converted to AAC (G.711 and the like). The file starts at the
 * first key frame; its timestamps count from there, and the lesson notes when that was.
 */
public final class ResourceFile implements AutoCloseable {

    private static final AVRational MICROS = av_make_q(1, 1_000_000);
    private static final long LARGEST_STEP_BACK_MICROS = 1_000_000;

    private final Path file;
    private final AVFormatContext input;
    private final int videoStream;
    private final int audioStream;
    private AVFormatContext output;
    private AVStream videoOut;
    private AVStream audioOut;
    private AacTranscoder transcoder;
    /** AAC framed for streaming (ADTS, as MPEG-TS and many cameras send it) needs its header moved into the file's description. */
    private AVBSFContext adtsToMp4;
    /** The last decoding time written, per output stream (in its time base). */
    private final long[] lastDts = {AV_NOPTS_VALUE, AV_NOPTS_VALUE};
    /** The source's time of the first key frame, in microseconds: the file's zero. */
    private long startMicros = AV_NOPTS_VALUE;

    /** @param audioStream the input's sound stream, or -1 for a file of picture only */
    public ResourceFile(Path file, AVFormatContext input, int videoStream, int audioStream) {
        this.file = file;
        this.input = input;
        this.videoStream = videoStream;
        this.audioStream = audioStream;
    }

    /**
     * Writes a packet of the source (other streams than its video and sound are left out);
     * answers {@code true} for the one that starts the file. The packet's timestamps are
     * rewritten for the file.
     */
    public boolean write(AVPacket packet) throws IOException {
        int index = packet.stream_index();
        if (index != videoStream && index != audioStream) return false;
        boolean first = false;
        if (output == null) {
            if (index != videoStream || (packet.flags() & AV_PKT_FLAG_KEY) == 0 || time(packet) == AV_NOPTS_VALUE) return false;
            open();
            startMicros = av_rescale_q(time(packet), timeBase(index), MICROS);
            first = true;
        }
        long shift = av_rescale_q(startMicros, MICROS, timeBase(index));
        if (packet.pts() != AV_NOPTS_VALUE) packet.pts(packet.pts() - shift);
        if (packet.dts() != AV_NOPTS_VALUE) packet.dts(packet.dts() - shift);
        if (index == audioStream) {
            // sound from before the first picture has nothing to go with
            if (time(packet) == AV_NOPTS_VALUE || time(packet) < 0) return false;
            if (transcoder != null) {
                transcoder.transcode(packet, timeBase(index), this::writeAudio);
                return false;
            }
            if (adtsToMp4 == null) {
                writeAs(packet, index, audioOut);
                return false;
            }
            if (av_bsf_send_packet(adtsToMp4, packet) < 0) return false; // a damaged packet is left out
            while (av_bsf_receive_packet(adtsToMp4, packet) == 0) writeAs(packet, index, audioOut);
        } else {
            writeAs(packet, index, videoOut);
        }
        return first;
    }

    /** Whether the file has begun (its first key frame written). */
    public boolean begun() {
        return startMicros != AV_NOPTS_VALUE;
    }

    /** A new file for the same source's streams, starting at its next key frame. */
    public ResourceFile another(Path next) {
        return new ResourceFile(next, input, videoStream, audioStream);
    }

    /** Makes the file and writes its header; on failure nothing is left open. */
    private void open() throws IOException {
        output = new AVFormatContext(null);
        try {
            check(avformat_alloc_output_context2(output, null, "mp4", file.toString()), "cannot make an MP4 file");
            videoOut = copyOf(videoStream);
            if (audioStream >= 0) addSound(input.streams(audioStream).codecpar());
            Ffmpeg.beginFragmentedMp4(output, file);
        } catch (IOException e) {
            release();
            throw e;
        }
    }

    private void addSound(AVCodecParameters sound) throws IOException {
        if (avformat_query_codec(output.oformat(), sound.codec_id(), avcodec.FF_COMPLIANCE_NORMAL) == 1) {
            audioOut = copyOf(audioStream);
            if (sound.codec_id() == avcodec.AV_CODEC_ID_AAC) adtsToMp4 = adtsFilter(input.streams(audioStream));
        } else {
            audioOut = avformat_new_stream(output, null);
            transcoder = new AacTranscoder(sound, audioOut, (output.oformat().flags() & avformat.AVFMT_GLOBALHEADER) != 0);
        }
    }

    private static AVBSFContext adtsFilter(AVStream in) throws IOException {
        AVBSFContext filter = new AVBSFContext(null);
        check(av_bsf_alloc(av_bsf_get_by_name("aac_adtstoasc"), filter), "no aac_adtstoasc in this FFmpeg");
        avcodec_parameters_copy(filter.par_in(), in.codecpar());
        filter.time_base_in(in.time_base());
        if (av_bsf_init(filter) < 0) {
            av_bsf_free(filter);
            throw new IOException("cannot start aac_adtstoasc");
        }
        return filter;
    }

    private AVStream copyOf(int index) throws IOException {
        AVStream out = avformat_new_stream(output, null);
        check(avcodec_parameters_copy(out.codecpar(), input.streams(index).codecpar()), "cannot copy stream " + index);
        // a container's tag for the codec (MPEG-TS: 0x1b) means nothing in MP4, which picks its own
        out.codecpar().codec_tag(0);
        out.time_base(input.streams(index).time_base());
        return out;
    }

    private void writeAudio(AVPacket packet, AVRational timeBase) throws IOException {
        write(packet, timeBase, audioOut);
    }

    private void writeAs(AVPacket packet, int index, AVStream out) throws IOException {
        packet.pos(-1);
        write(packet, timeBase(index), out);
    }

    /**
     * A camera's timestamps may step back a little, as when RTP re-bases them on its first RTCP
     * sender report: such a packet is moved to just after the one before it, as the ffmpeg CLI
     * does. A step back of more than {@link #LARGEST_STEP_BACK_MICROS} is a new clock: it is
     * refused, saying how far back, and the recorder starts a new part.
     */
    private void write(AVPacket packet, AVRational from, AVStream out) throws IOException {
        packet.stream_index(out.index());
        av_packet_rescale_ts(packet, from, out.time_base());
        int i = out.index();
        long last = lastDts[i];
        if (last != AV_NOPTS_VALUE && packet.dts() != AV_NOPTS_VALUE && packet.dts() <= last) {
            long back = av_rescale_q(last - packet.dts(), out.time_base(), MICROS);
            if (back > LARGEST_STEP_BACK_MICROS) {
                throw new IOException(String.format(Locale.ROOT, "its clock went back %.1f s", back / 1e6));
            }
            packet.dts(last + 1);
            if (packet.pts() != AV_NOPTS_VALUE && packet.pts() < packet.dts()) packet.pts(packet.dts());
        }
        if (packet.dts() != AV_NOPTS_VALUE) lastDts[i] = packet.dts();
        check(av_interleaved_write_frame(output, packet), "cannot write to " + file);
    }

    private AVRational timeBase(int index) {
        return input.streams(index).time_base();
    }

    private static long time(AVPacket packet) {
        return packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
    }


    @Override
    public void close() throws IOException {
        if (output == null) return;
        try {
            if (transcoder != null) transcoder.finish(this::writeAudio);
            check(av_write_trailer(output), "cannot finish " + file);
        } finally {
            release();
        }
    }

    private void release() {
        if (transcoder != null) transcoder.close();
        transcoder = null;
        if (adtsToMp4 != null) av_bsf_free(adtsToMp4);
        adtsToMp4 = null;
        if (!output.isNull()) {
            if (output.pb() != null && !output.pb().isNull()) avio_closep(output.pb());
            avformat_free_context(output);
        }
        output = null;
    }
}
