package org.yike.media.internal;

import java.io.IOException;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.yike.api.encoder.AudioChunk;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.VideoFrame;

/** Feeds I420 frames and PCM to a javacv recorder without converting them in Java. */
public final class RecorderEncoding implements Encoding {

    private final FFmpegFrameRecorder recorder;

    public RecorderEncoding(FFmpegFrameRecorder recorder) {
        this.recorder = recorder;
    }

    /** A frame of another size than the profile's is scaled to it (swscale, inside the recorder). */
    @Override
    public void video(VideoFrame frame) throws IOException {
        try {
            // The recorder turns the timestamp into the frame's presentation time (in frames at the profile's rate).
            recorder.setTimestamp(frame.timestampMicros());
            recorder.recordImage(frame.width(), frame.height(), Frame.DEPTH_UBYTE, 1, frame.width(),
                    avutil.AV_PIX_FMT_YUV420P, frame.i420());
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("video encoding failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void audio(AudioChunk chunk) throws IOException {
        try {
            recorder.recordSamples(chunk.sampleRate(), chunk.channels(), chunk.samples());
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("audio encoding failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            recorder.close();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("finishing the file failed: " + e.getMessage(), e);
        }
    }
}
