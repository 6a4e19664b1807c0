package org.yike.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.media.internal.RecorderEncoding;

/**
 * H.264 + AAC in fragmented MP4 through FFmpeg in this JVM, with any H.264 encoder of the loaded
 * build: what in-process encoder backends share, so each names only its encoder and its options.
 */
public final class Mp4Encodings {

    private Mp4Encodings() {
    }

    /**
     * Starts encoding {@code profile} into {@code file} with the video encoder {@code videoCodec}
     * ({@code libopenh264}, {@code h264_nvenc}) and its private options; a profile without sound
     * makes a file of pictures only.
     */
    public static Encoding open(Profile profile, Path file, String videoCodec, Map<String, String> videoOptions)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // no channels: javacv makes no sound stream
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), profile.width(), profile.height(),
                profile.hasSound() ? profile.audioChannels() : 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodecName(videoCodec);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(profile.fps());
        recorder.setVideoBitrate(profile.videoKbps() * 1000);
        recorder.setGopSize(profile.gopFrames());
        videoOptions.forEach(recorder::setVideoOption);
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
            try {
                recorder.release();
            } catch (FFmpegFrameRecorder.Exception ignored) {
                // nothing was started
            }
            throw new IOException("cannot start " + videoCodec + " for profile " + profile.name() + " into " + file
                    + ": " + e.getMessage(), e);
        }
        return new RecorderEncoding(recorder);
    }

    /**
     * Whether {@code videoCodec} really opens here: a hardware encoder is in every build but needs
     * its device and driver, which only an attempt tells.
     */
    public static boolean opens(String videoCodec, Path scratch) {
        Profile probe = new Profile("probe", 256, 144, 25, 100, 25, 32, 48000, 1, videoCodec);
        try {
            open(probe, scratch, videoCodec, Map.of()).close();
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // a scratch file left in the cache folder does no harm
            }
        }
    }
}
