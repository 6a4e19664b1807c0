package org.yike.encoder.openh264.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.media.MediaRuntime;

@Component
public class OpenH264Backend implements EncoderBackend {

    static final String ID = "openh264";
    private static final String ENCODER = "libopenh264";

    private final boolean available;

    @Activate
    public OpenH264Backend(@Reference MediaRuntime media) {
        this.available = media.hasEncoder(ENCODER) && media.hasEncoder("aac");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Encoding open(Profile profile, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), profile.width(), profile.height(),
                profile.audioChannels());
        recorder.setFormat("mp4");
        recorder.setVideoCodecName(ENCODER);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(profile.fps());
        recorder.setVideoBitrate(profile.videoKbps() * 1000);
        recorder.setGopSize(profile.gopFrames());
        // OpenH264 would drop frames to hold the bitrate; a lesson keeps every frame.
        recorder.setVideoOption("allow_skip_frames", "0");
        recorder.setVideoOption("rc_mode", "bitrate");
        recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
        recorder.setSampleRate(profile.audioSampleRate());
        recorder.setAudioBitrate(profile.audioKbps() * 1000);
        // A fragment every second, flushed to the file at once: a crash loses at most the last second
        // or two. delay_moov lets the muxer write the edit list that hides AAC priming (else video starts late).
        recorder.setOption("movflags", "+frag_keyframe+empty_moov+delay_moov+default_base_moof");
        recorder.setOption("frag_duration", "1000000");
        recorder.setOption("flush_packets", "1");
        try {
            recorder.start();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("cannot start " + ENCODER + " for profile " + profile.name() + " into " + file + ": "
                    + e.getMessage(), e);
        }
        return new RecorderEncoding(recorder);
    }
}
