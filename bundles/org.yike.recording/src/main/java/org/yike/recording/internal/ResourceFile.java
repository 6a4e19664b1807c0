package org.yike.recording.internal;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * One source's own file in resource mode: its compressed packets written as they came, from the
 * first key frame on (nothing decoded or encoded), in fragmented MP4 like the program.
 */
final class ResourceFile implements AutoCloseable {

    private final Path file;
    private final AVFormatContext input;
    private final AVCodecParameters video;
    private FFmpegFrameRecorder recorder;

    ResourceFile(Path file, AVFormatContext input, AVCodecParameters video) {
        this.file = file;
        this.input = input;
        this.video = video;
    }

    /**
     * Writes a packet of the source's video stream; answers {@code true} for the first one written
     * (the file starts there). The packet's timestamps are rewritten for the file.
     */
    boolean write(AVPacket packet) throws FrameRecorder.Exception {
        boolean first = false;
        if (recorder == null) {
            if ((packet.flags() & avcodec.AV_PKT_FLAG_KEY) == 0) return false;
            // javacv makes a video stream (copied from the input's) only when given a picture size
            recorder = new FFmpegFrameRecorder(file.toFile(), video.width(), video.height(), 0);
            recorder.setFormat("mp4");
            recorder.setOption("movflags", "+frag_keyframe+empty_moov+default_base_moof");
            recorder.setOption("frag_duration", "1000000");
            recorder.setOption("flush_packets", "1");
            recorder.start(input);
            first = true;
        }
        recorder.recordPacket(packet);
        return first;
    }

    @Override
    public void close() throws FrameRecorder.Exception {
        if (recorder != null) recorder.close();
    }
}
