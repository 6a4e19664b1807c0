package org.yike.connector.rtmp.internal;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.io.InputStream;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * One lesson's live profile pushed to one target, on its own thread. It reads the lesson's live
 * profile as the engine writes it and copies its packets into FLV over RTMP, unchanged. While the
 * server cannot be reached, packets are dropped (the lesson goes on; its own files keep all), and it
 * connects again after 1, 2, 4… up to 30 s; a new connection starts at a key frame, its timestamps
 * from 0, so players and the server's recorder see an ordinary new stream.
 */
final class Push implements Runnable {

    enum State { CONNECTING, PUSHING, RECONNECTING, ENDED }

    /** What the push tells about itself: state, and in words why, never with the key. */
    interface Report {
        void state(State state, String reason);
    }

    private static final AVRational MICROS = av_make_q(1, 1_000_000);
    private static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
    private static final long MOST_BACKOFF_NANOS = 30_000_000_000L;

    private final String lesson;
    private final RtmpSettings target;
    private final InputStream live;
    private final Report report;
    private final Thread thread;
    private volatile boolean stopped;

    Push(String name, String lesson, RtmpSettings target, InputStream live, Report report) {
        this.lesson = lesson;
        this.target = target;
        this.live = live;
        this.report = report;
        this.thread = new Thread(this, "yike-rtmp-" + name + "-" + lesson);
        thread.setDaemon(true);
    }

    String lesson() {
        return lesson;
    }

    void start() {
        thread.start();
    }

    /** Ends the push now (the target changed or went away); the lesson's own stream ends it otherwise. */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            live.close();
        } catch (IOException ignored) {
            // the reader ends either way
        }
    }

    /** Waits up to {@code millis} for the thread of a stopped push; answers whether it ended. */
    boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    @Override
    public void run() {
        report.state(State.CONNECTING, "reading lesson " + lesson);
        String end = "lesson " + lesson + " ended";
        FFmpegFrameRecorder out = null;
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(live, 0)) {
            in.setFormat("mp4");
            in.start();
            AVFormatContext streams = in.getFormatContext();
            // MP4's codec tags (avc1, mp4a) mean nothing to FLV, whose muxer refuses them; it picks its own
            for (int i = 0; i < streams.nb_streams(); i++) streams.streams(i).codecpar().codec_tag(0);
            long backoff = FIRST_BACKOFF_NANOS;
            long retryAt = System.nanoTime();
            long offsetMicros = AV_NOPTS_VALUE;
            for (AVPacket p; !stopped && (p = in.grabPacket()) != null;) {
                if (out == null && System.nanoTime() - retryAt >= 0) {
                    try {
                        out = connect(in, streams);
                        offsetMicros = AV_NOPTS_VALUE;
                    } catch (FrameRecorder.Exception e) {
                        report.state(State.RECONNECTING, "cannot connect to " + target + ": " + target.scrub(e.getMessage())
                                + "; again in " + backoff / 1_000_000_000L + " s");
                        retryAt = System.nanoTime() + backoff;
                        backoff = Math.min(backoff * 2, MOST_BACKOFF_NANOS);
                    }
                }
                if (out == null || p.dts() == AV_NOPTS_VALUE) continue;
                AVRational base = streams.streams(p.stream_index()).time_base();
                if (offsetMicros == AV_NOPTS_VALUE) {
                    boolean keyFrame = streams.streams(p.stream_index()).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO
                            && (p.flags() & AV_PKT_FLAG_KEY) != 0;
                    if (!keyFrame) continue;
                    offsetMicros = av_rescale_q(p.dts(), base, MICROS);
                    report.state(State.PUSHING, "pushing lesson " + lesson + " to " + target);
                    backoff = FIRST_BACKOFF_NANOS;
                }
                long offset = av_rescale_q(offsetMicros, MICROS, base);
                if (p.dts() < offset) continue;
                p.dts(p.dts() - offset);
                if (p.pts() != AV_NOPTS_VALUE) p.pts(p.pts() - offset);
                try {
                    out.recordPacket(p);
                } catch (FrameRecorder.Exception e) {
                    report.state(State.RECONNECTING, "the connection to " + target + " broke: " + target.scrub(e.getMessage())
                            + "; again in " + backoff / 1_000_000_000L + " s");
                    release(out);
                    out = null;
                    retryAt = System.nanoTime() + backoff;
                    backoff = Math.min(backoff * 2, MOST_BACKOFF_NANOS);
                }
            }
            if (stopped) end = "stopped";
        } catch (FrameGrabber.Exception | RuntimeException e) {
            end = stopped ? "stopped" : "cannot read lesson " + lesson + "'s live profile: " + e.getMessage();
        } finally {
            if (out != null) {
                try {
                    out.close();
                } catch (FrameRecorder.Exception e) {
                    end += "; the end of the stream did not reach " + target + ": " + target.scrub(e.getMessage());
                }
            }
            report.state(State.ENDED, end);
        }
    }

    private FFmpegFrameRecorder connect(FFmpegFrameGrabber in, AVFormatContext streams) throws FrameRecorder.Exception {
        report.state(State.CONNECTING, "connecting to " + target);
        FFmpegFrameRecorder out = new FFmpegFrameRecorder(target.pushUrl(), in.getImageWidth(), in.getImageHeight(),
                in.getAudioChannels());
        out.setFormat("flv");
        // a server that takes nothing for this long counts as gone (the microseconds of FFmpeg's rw_timeout)
        out.setOption("rw_timeout", String.valueOf(target.timeoutSeconds() * 1_000_000L));
        try {
            out.start(streams);
            return out;
        } catch (FrameRecorder.Exception e) {
            release(out);
            throw e;
        }
    }

    private static void release(FFmpegFrameRecorder out) {
        try {
            out.release();
        } catch (FrameRecorder.Exception ignored) {
            // the connection is gone already
        }
    }
}
