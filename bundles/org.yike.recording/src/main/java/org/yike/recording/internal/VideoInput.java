package org.yike.recording.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.BiConsumer;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Source;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;

/**
 * Decodes one video source on its own thread, scaled to the profile in I420, and keeps its newest
 * picture while the program wants it. A source that fails is reopened with backoff; the lesson
 * goes on without it meanwhile. In resource mode a source that arrives compressed (H.264, H.265)
 * is also written to its own file packet by packet, as it came; each connection starts a new part.
 */
final class VideoInput extends SourceReader {

    /** Where resource files go, and who hears when one starts. */
    interface Resources {
        Path file(Source source, int part);

        void started(Source source, Path file, long nanoTime);
    }

    private static final Logger LOG = LoggerFactory.getLogger(VideoInput.class);

    private final int width;
    private final int height;
    private final ByteBuffer latest;
    private long sequence;
    private volatile boolean wanted;
    private final Resources resources;
    private int parts;
    private int videoStream = -1;
    private PacketDecoder decoder;
    private ResourceFile resource;
    private Path resourcePath;
    private ByteBuffer decoded;

    /** @param resources {@code null}: no resource file is written */
    VideoInput(Source source, Profile profile, BiConsumer<Source, String> stateChanges, Resources resources) {
        super(source, stateChanges);
        this.resources = resources;
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
    void opened(FFmpegFrameGrabber grabber) throws Exception {
        if (resources == null) return;
        AVFormatContext format = grabber.getFormatContext();
        for (int i = 0; i < format.nb_streams(); i++) {
            AVCodecParameters p = format.streams(i).codecpar();
            if (p.codec_type() == avutil.AVMEDIA_TYPE_VIDEO
                    && (p.codec_id() == avcodec.AV_CODEC_ID_H264 || p.codec_id() == avcodec.AV_CODEC_ID_HEVC)) {
                videoStream = i;
                // a container's tag for the codec (MPEG-TS: 0x1b) means nothing in MP4, which picks its own
                p.codec_tag(0);
                decoder = new PacketDecoder(p, width, height);
                if (decoded == null) decoded = ByteBuffer.allocateDirect(latest.capacity());
                resourcePath = resources.file(source, ++parts);
                resource = new ResourceFile(resourcePath, format, p);
                return;
            }
        }
    }

    @Override
    void disconnected() {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Resource file {} did not close cleanly: {}", resourcePath, e.getMessage());
            }
        }
        if (decoder != null) decoder.close();
        resource = null;
        decoder = null;
        videoStream = -1;
    }

    @Override
    boolean read(FFmpegFrameGrabber grabber) throws Exception {
        return decoder != null ? readPacket(grabber) : readPicture(grabber);
    }

    /** Resource mode: the packet goes to the source's file as it is, and is decoded for the program. */
    private boolean readPacket(FFmpegFrameGrabber grabber) throws Exception {
        AVPacket packet = grabber.grabPacket();
        if (packet == null) return false;
        try {
            if (packet.stream_index() != videoStream) return true;
            if (decoder.decode(packet, wanted ? decoded : null) > 0 && wanted) keep(decoded.duplicate().clear());
            // after decoding: writing rewrites the packet's timestamps for the file
            if (resource != null) writeResource(packet);
            return true;
        } finally {
            avcodec.av_packet_unref(packet);
        }
    }

    /** A resource file that fails is given up for this connection; the program goes on with the source. */
    private void writeResource(AVPacket packet) {
        try {
            if (resource.write(packet)) resources.started(source, resourcePath, System.nanoTime());
        } catch (Exception e) {
            LOG.error("Source {}: resource file {} stopped: {}", source.key(), resourcePath, e.getMessage());
            ResourceFile failed = resource;
            resource = null;
            try {
                failed.close();
            } catch (Exception ignored) {
                // what was written stays
            }
        }
    }

    private boolean readPicture(FFmpegFrameGrabber grabber) throws FFmpegFrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null) return false;
        if (wanted) {
            // javacv limits the buffer to the Y plane; U and V follow it in the same allocation.
            ByteBuffer picture = ((ByteBuffer) frame.image[0]).duplicate();
            picture.limit(picture.capacity());
            keep(picture);
        }
        return true;
    }

    private synchronized void keep(ByteBuffer picture) {
        latest.clear();
        latest.put(picture);
        sequence++;
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
