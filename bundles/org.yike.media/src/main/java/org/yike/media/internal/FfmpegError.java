package org.yike.media.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg's error numbers in words. */
final class FfmpegError {

    private FfmpegError() {
    }

    static String text(int error) {
        byte[] text = new byte[256];
        if (avutil.av_strerror(error, text, text.length) < 0) return "error " + error;
        int end = 0;
        while (end < text.length && text[end] != 0) end++;
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }

    /** Answers {@code result} where FFmpeg succeeded, else says what failed and why. */
    static int check(int result, String what) throws IOException {
        if (result < 0) throw new IOException(what + " (" + text(result) + ")");
        return result;
    }
}
