package org.yike.media.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.ffmpeg.Ffmpeg;
import org.yike.media.StreamReading;
import org.yike.media.StreamSample;

/**
 * Opens a live stream in this JVM, reads what it carries and, for a window of the stream's time,
 * counts its packets without decoding them, all within a deadline. FFmpeg's socket timeouts end a
 * silent server, but not one that answers slowly for ever; the interrupt callback does.
 */
final class StreamProbe {

    /**
     * Gives up once the deadline has passed or the probing thread is interrupted. The deadline
     * ({@link System#nanoTime()}) is in the native long that {@code opaque} points to, so one
     * instance serves every probe: JavaCPP allows only a few instances of a callback class.
     */
    private static final class Deadline extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            boolean over = System.nanoTime() - new LongPointer(opaque).get() > 0;
            return over || Thread.currentThread().isInterrupted() ? 1 : 0;
        }
    }

    private static final Deadline DEADLINE = new Deadline().retainReference();

    static {
        // lavfi, v4l2, alsa... are devices: javacv's grabber registers them too, the probe must not rely on that
        avdevice.avdevice_register_all();
    }

    private StreamProbe() {
    }

    /** A stream whose timestamps never advance still ends the window after this many packets. */
    private static final int MOST_PACKETS = 10_000;
    private static final AVRational MICROS = avutil.av_make_q(1, 1_000_000);

    static StreamSample sample(StreamLocator locator, Duration timeout, Duration window) throws IOException {
        AVInputFormat format = null;
        if (locator.format() != null && (format = avformat.av_find_input_format(locator.format())) == null) {
            throw new IOException("FFmpeg has no input format '" + locator.format() + "'");
        }
        try (LongPointer deadline = new LongPointer(1)) {
            deadline.put(System.nanoTime() + timeout.toNanos());
            AVFormatContext context = avformat.avformat_alloc_context();
            context.interrupt_callback().callback(DEADLINE).opaque(deadline);
            AVDictionary options = new AVDictionary(null);
            for (Map.Entry<String, String> o : locator.options().entrySet()) {
                avutil.av_dict_set(options, o.getKey(), o.getValue(), 0);
            }
            int opened = avformat.avformat_open_input(context, locator.uri(), format, options);
            avutil.av_dict_free(options);
            // a failed open has freed the context already
            if (opened < 0) throw new IOException(reason(opened, deadline.get(), timeout));
            try {
                int found = avformat.avformat_find_stream_info(context, (AVDictionary) null);
                if (found < 0) throw new IOException(reason(found, deadline.get(), timeout));
                MediaInfo info = Ffmpeg.streams(context);
                StreamFigures figures = window.isZero() ? new StreamFigures(0, 0, Instant.now())
                        : count(context, window, deadline.get(), timeout);
                return new StreamSample(info, figures);
            } finally {
                avformat.avformat_close_input(context);
            }
        }
    }

    /** Reads packets until the clock stream's timestamps span {@code window}, and counts them. */
    private static StreamFigures count(AVFormatContext context, Duration window, long deadline, Duration timeout)
            throws IOException {
        int clock = 0;
        for (int i = context.nb_streams() - 1; i >= 0; i--) {
            if (context.streams(i).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) clock = i;
        }
        boolean video = context.nb_streams() > 0 && context.streams(clock).codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO;
        AVRational base = context.nb_streams() > 0 ? context.streams(clock).time_base() : avutil.av_make_q(1, 1);
        WindowCount count = new WindowCount(window);
        AVPacket packet = avcodec.av_packet_alloc();
        try {
            for (int n = 0; n < MOST_PACKETS; n++) {
                int read = avformat.av_read_frame(context, packet);
                if (read < 0) throw new IOException(reason(read, deadline, timeout));
                try {
                    boolean onClock = packet.stream_index() == clock;
                    long t = packet.dts() != avutil.AV_NOPTS_VALUE ? packet.dts() : packet.pts();
                    long micros = t == avutil.AV_NOPTS_VALUE ? StreamReading.UNTIMED : avutil.av_rescale_q(t, base, MICROS);
                    if (count.add(onClock, onClock && video, micros, packet.size())) break;
                } finally {
                    avcodec.av_packet_unref(packet);
                }
            }
            return count.figures();
        } finally {
            avcodec.av_packet_free(packet);
        }
    }

    /**
     * Why the probe failed: its own deadline or interrupt (FFmpeg reports those as whatever the
     * interrupted read turned into), else FFmpeg's words; never the URI, which may hold credentials.
     */
    private static String reason(int error, long deadline, Duration timeout) {
        if (Thread.currentThread().isInterrupted()) return "interrupted";
        if (System.nanoTime() - deadline > 0) return "no complete answer within " + timeout.toSeconds() + " s";
        return Ffmpeg.errorText(error);
    }
}
