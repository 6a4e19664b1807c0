package org.yike.media;

import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get_by_name;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avformat.avio_flush;
import static org.bytedeco.ffmpeg.global.avformat.avio_open2;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avformat.Write_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveTrack;
import org.yike.media.ffmpeg.Ffmpeg;

/**
 * A live stream's packets put into a container by FFmpeg's muxer as they come, without encoding them
 * again: FLV into a {@link Sink} (one muxer per stream, its bytes shared by every viewer), FLV to an
 * RTMP server, or an HLS live playlist in a folder. The tracks' configs become the muxer's codec
 * headers. Output starts at the first video key frame, its timestamps counted from it. One thread
 * writes and closes.
 */
public final class LiveMuxer implements AutoCloseable {

    /** Takes the muxer's bytes in the order it writes them, on the writing thread. */
    @FunctionalInterface
    public interface Sink {
        void write(byte[] bytes) throws IOException;
    }

    private static final int IO_BUFFER = 64 * 1024;
    private static final AVRational MICROS = av_make_q(1, 1_000_000);
    private static final long NONE = Long.MIN_VALUE;

    private final AVFormatContext context = new AVFormatContext(null);
    private final Sink sink;
    private final AVStream video;
    private final AVStream audio;
    private final AVPacket packet = av_packet_alloc();
    private long firstMicros = NONE;
    private boolean headerWritten;
    private boolean closed;
    private IOException sinkFailure;

    /**
     * FLV for live players into {@code sink}: no duration or size fields to fill in at the end, and
     * every packet handed on as soon as it is muxed.
     */
    public static LiveMuxer flv(LiveStream stream, Sink sink) throws IOException {
        return new LiveMuxer(stream, "flv", null, sink, Map.of(), Map.of("flvflags", "no_duration_filesize", "flush_packets", "1"));
    }

    /**
     * FLV pushed to {@code url} ({@code rtmp://} or {@code rtmps://}); a server that takes nothing for
     * {@code timeoutSeconds} fails the write. Messages never hold the URL, which may hold a key.
     */
    public static LiveMuxer rtmp(LiveStream stream, String url, int timeoutSeconds) throws IOException {
        return new LiveMuxer(stream, "flv", url, null, Map.of("rw_timeout", String.valueOf(timeoutSeconds * 1_000_000L)),
                Map.of("flvflags", "no_duration_filesize"));
    }

    /**
     * An HLS live playlist {@code index.m3u8} in {@code folder} with MPEG-TS segments of about
     * {@code segmentSeconds} (each begins at a key frame, so no shorter than the stream's key frame
     * interval), the last {@code listSize} listed, older ones deleted; closing ends the playlist.
     */
    public static LiveMuxer hls(LiveStream stream, Path folder, double segmentSeconds, int listSize) throws IOException {
        Files.createDirectories(folder);
        Map<String, String> options = new LinkedHashMap<>();
        options.put("hls_time", String.format(Locale.ROOT, "%.3f", segmentSeconds));
        options.put("hls_list_size", Integer.toString(listSize));
        options.put("hls_flags", "delete_segments+independent_segments+temp_file");
        options.put("hls_segment_filename", folder.resolve("segment-%05d.ts").toString());
        return new LiveMuxer(stream, "hls", folder.resolve("index.m3u8").toString(), null, Map.of(), options);
    }

    private LiveMuxer(LiveStream stream, String format, String url, Sink sink, Map<String, String> ioOptions,
            Map<String, String> muxerOptions) throws IOException {
        this.sink = sink;
        AVDictionary options = null;
        try {
            check(avformat_alloc_output_context2(context, null, format, url), "cannot make a " + format + " muxer");
            video = track(stream.video());
            audio = stream.hasAudio() ? track(stream.audio()) : null;
            if (sink != null) {
                AVIOContext io = avio_alloc_context(new BytePointer(av_malloc(IO_BUFFER)), IO_BUFFER, 1, context, null,
                        Output.WRITE, null);
                context.pb(io);
                Output.SINKS.put(context.address(), this);
            } else if ((context.oformat().flags() & AVFMT_NOFILE) == 0) {
                AVIOContext io = new AVIOContext(null);
                AVDictionary open = dictionary(ioOptions);
                try {
                    check(avio_open2(io, url, AVIO_FLAG_WRITE, null, open), "cannot open the " + format + " output");
                } finally {
                    av_dict_free(open);
                }
                context.pb(io);
            }
            options = dictionary(muxerOptions);
            check(avformat_write_header(context, options), "cannot start the " + format + " output");
            headerWritten = true;
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        } finally {
            if (options != null) av_dict_free(options);
        }
    }

    /**
     * Muxes one packet; those before the first video key frame, and sound from before it, are left
     * out, as is sound where the muxer has no sound track.
     */
    public void write(LivePacket p) throws IOException {
        if (closed) throw new IOException("the muxer is closed");
        AVStream to = p.video() ? video : audio;
        if (to == null) return;
        if (firstMicros == NONE) {
            if (!p.startsPicture()) return;
            firstMicros = p.dtsMicros();
        }
        long dts = p.dtsMicros() - firstMicros;
        if (dts < 0) return;
        byte[] data = p.data();
        check(av_new_packet(packet, data.length), "out of memory for a packet");
        try {
            packet.data().put(data, 0, data.length);
            packet.stream_index(to.index());
            packet.dts(av_rescale_q(dts, MICROS, to.time_base()));
            packet.pts(av_rescale_q(Math.max(p.ptsMicros() - firstMicros, dts), MICROS, to.time_base()));
            packet.flags(p.key() ? AV_PKT_FLAG_KEY : 0);
            check(av_write_frame(context, packet), "cannot mux a packet");
        } finally {
            av_packet_unref(packet);
        }
    }

    /** Finishes the output (an HLS playlist gets its end) and frees FFmpeg's parts; again does nothing. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        try {
            if (headerWritten) check(av_write_trailer(context), "cannot finish the output");
        } finally {
            release();
        }
    }

    private void release() {
        closed = true;
        av_packet_free(packet);
        if (context.isNull()) return;
        AVIOContext io = context.pb();
        if (sink != null) {
            if (io != null && !io.isNull()) {
                avio_flush(io);
                av_free(io.buffer());
                avio_context_free(io);
            }
            Output.SINKS.remove(context.address());
        } else if (io != null && !io.isNull()) {
            avio_closep(io);
        }
        context.pb(null);
        avformat_free_context(context);
    }

    private AVStream track(LiveTrack track) throws IOException {
        AVCodecDescriptor codec = avcodec_descriptor_get_by_name(track.codec());
        if (codec == null) throw new IOException("FFmpeg knows no codec " + track.codec());
        AVStream stream = avformat_new_stream(context, null);
        if (stream == null) throw new IOException("out of memory for a stream");
        stream.time_base(MICROS);
        AVCodecParameters par = stream.codecpar();
        par.codec_id(codec.id());
        if (track.kind() == LiveTrack.Kind.VIDEO) {
            par.codec_type(AVMEDIA_TYPE_VIDEO);
            par.width(track.width());
            par.height(track.height());
        } else {
            par.codec_type(AVMEDIA_TYPE_AUDIO);
            par.sample_rate(track.sampleRate());
            av_channel_layout_default(par.ch_layout(), track.channels());
        }
        byte[] config = track.config();
        if (config.length > 0) {
            // FFmpeg frees extradata with av_free and reads up to the padding past its end
            BytePointer extradata = new BytePointer(av_mallocz(config.length + AV_INPUT_BUFFER_PADDING_SIZE));
            extradata.capacity(config.length).put(config, 0, config.length);
            par.extradata(extradata);
            par.extradata_size(config.length);
        }
        return stream;
    }

    private int written(BytePointer bytes, int size) {
        try {
            byte[] copy = new byte[size];
            bytes.capacity(size).get(copy);
            sink.write(copy);
            return size;
        } catch (IOException | RuntimeException e) {
            sinkFailure = e instanceof IOException io ? io : new IOException(e);
            return -5; // AVERROR(EIO)
        }
    }

    private static AVDictionary dictionary(Map<String, String> entries) {
        AVDictionary d = new AVDictionary(null);
        entries.forEach((k, v) -> av_dict_set(d, k, v, 0));
        return d;
    }

    private void check(int result, String what) throws IOException {
        if (result >= 0) return;
        if (sinkFailure != null) throw new IOException(what + ": " + sinkFailure.getMessage(), sinkFailure);
        throw new IOException(what + ": " + Ffmpeg.errorText(result));
    }

    /** One native write callback for every muxer (JavaCPP has few callback slots), finding its muxer by context. */
    private static final class Output {
        static final Map<Long, LiveMuxer> SINKS = new ConcurrentHashMap<>();
        static final Write_packet_Pointer_BytePointer_int WRITE = new Write_packet_Pointer_BytePointer_int() {
            @Override
            public int call(Pointer opaque, BytePointer bytes, int size) {
                LiveMuxer muxer = SINKS.get(opaque.address());
                return muxer == null ? -5 : muxer.written(bytes, size);
            }
        }.retainReference();
    }
}
