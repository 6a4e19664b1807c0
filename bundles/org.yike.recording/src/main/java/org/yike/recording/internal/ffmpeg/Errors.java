package org.yike.recording.internal.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;

/** FFmpeg's error numbers in words. */
public final class Errors {

    private Errors() {
    }

    public static String text(int error) {
        byte[] text = new byte[256];
        if (av_strerror(error, text, text.length) < 0) return "error " + error;
        int end = 0;
        while (end < text.length && text[end] != 0) end++;
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }
}
