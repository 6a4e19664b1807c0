package org.yike.recording.internal.input;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.encoder.VideoFrame;

/**
 * What the program shows in place of a camera that is lost: a dark picture saying which camera is
 * reconnecting (plain dark where there is no font), so nobody mistakes a frozen picture for the class.
 */
final class Slate {

    private static final Logger LOG = LoggerFactory.getLogger(Slate.class);
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    /** Dark slate blue in I420. */
    private static final byte LUMA = 40;
    private static final byte CHROMA_U = (byte) 140;
    private static final byte CHROMA_V = (byte) 120;

    private Slate() {
    }

    /** An I420 picture {@code width} by {@code height} naming {@code label}. */
    static ByteBuffer of(String label, int width, int height) {
        ByteBuffer slate = ByteBuffer.allocateDirect(VideoFrame.bytes(width, height));
        int luma = width * height;
        for (int i = 0; i < slate.capacity(); i++) slate.put(i, i < luma ? LUMA : i < luma * 5 / 4 ? CHROMA_U : CHROMA_V);
        if (!Files.isReadable(Path.of(FONT))) return slate;
        String text = label.replaceAll("['\\\\:%,;\\[\\]{}]", " ") + " - reconnecting";
        String graph = String.format("color=c=0x1e2a36:s=%dx%d:r=1,format=yuv420p,drawtext=fontfile=%s:fontcolor=white"
                + ":fontsize=%d:x=(w-text_w)/2:y=(h-text_h)/2:text='%s'", width, height, FONT, Math.max(12, height / 16), text);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(graph)) {
            g.setFormat("lavfi");
            g.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            g.start();
            Frame f = g.grabImage();
            ByteBuffer picture = ((ByteBuffer) f.image[0]).duplicate();
            picture.limit(slate.capacity()).position(0);
            slate.clear();
            slate.put(picture);
            slate.clear();
        } catch (Exception | Error e) {
            LOG.debug("The slate for {} has no words", label, e);
        }
        return slate;
    }
}
