package org.yike.recording.internal;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.yike.api.device.Source;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;

/**
 * Decodes one video source on its own thread, scaled to the profile in I420, and keeps its newest
 * picture while the program wants it. A source that fails is reopened with backoff; the lesson
 * goes on without it meanwhile.
 */
final class VideoInput extends SourceReader {

    private final int width;
    private final int height;
    private final ByteBuffer latest;
    private long sequence;
    private volatile boolean wanted;

    VideoInput(Source source, Profile profile, BiConsumer<Source, String> stateChanges) {
        super(source, stateChanges);
        this.width = profile.width();
        this.height = profile.height();
        this.latest = ByteBuffer.allocateDirect(VideoFrame.bytes(width, height));
    }

    @Override
    void configure(FFmpegFrameGrabber grabber) {
        grabber.setImageWidth(width);
        grabber.setImageHeight(height);
        grabber.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    }

    @Override
    boolean read(FFmpegFrameGrabber grabber) throws FFmpegFrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null) return false;
        if (wanted) {
            // javacv limits the buffer to the Y plane; U and V follow it in the same allocation.
            ByteBuffer picture = ((ByteBuffer) frame.image[0]).duplicate();
            picture.limit(picture.capacity());
            synchronized (this) {
                latest.clear();
                latest.put(picture);
                sequence++;
            }
        }
        return true;
    }

    /** While wanted, the newest picture is kept for {@link #copyNewerThan}; otherwise frames are only decoded. */
    void want(boolean wanted) {
        this.wanted = wanted;
    }

    /**
     * Copies the newest picture into {@code into} if it is newer than {@code seen}; answers the
     * sequence number of what {@code into} now holds from this source ({@code seen} if nothing newer).
     */
    synchronized long copyNewerThan(long seen, ByteBuffer into) {
        if (sequence <= seen) return seen;
        into.clear();
        into.put(latest.duplicate().clear());
        into.flip();
        return sequence;
    }

    synchronized long sequence() {
        return sequence;
    }
}
