package org.yike.recording.internal.input;

import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avutil.av_image_copy_to_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_image_get_buffer_size;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Source;
import org.yike.api.director.Framing;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.media.MediaRuntime;
import org.yike.media.StreamReading;
import org.yike.media.ffmpeg.Ffmpeg;
import org.yike.recording.internal.live.CameraFeed;
import org.yike.recording.internal.output.RawResource;
import org.yike.recording.internal.output.ResourceFile;
import org.yike.recording.internal.vision.PictureTap;

/**
 * Reads one video source on its own thread and keeps its newest picture, scaled to the profile in
 * I420, while the program wants it (a raw source's at all times). A source that fails is reopened with backoff; the lesson goes
 * on without it meanwhile. A camera that sends compressed video is read packet by packet: off
 * screen it is not decoded at all (a cut to it waits for its next key frame), unless
 * {@code decodeOffScreen}; in resource mode an H.264 or H.265 camera's packets, and its sound,
 * also go to its own file as they came, and a raw source is read at its own size and its pictures,
 * converted to I420 once, go both to the program and to its own encoded file ({@link RawResource});
 * each connection starts a new part, and a new own live stream ({@link CameraFeed}).
 *
 * <p>Somewhat over 300 lines, kept whole: its packets, pictures and own file share one connection's
 * state (decoder, stream index, file part), opened and closed together on the reader's thread.
 */
public final class VideoInput extends SourceReader {

    /** Where resource files go, and who hears when one starts. */
    public interface Resources {
        Path file(Source source, int part);

        void started(Source source, Path file);

        /**
         * Part {@code part} of a raw source's own file, for its pictures, its packets going to
         * {@code feed}; {@code null} where its role gets none.
         */
        RawResource raw(Source source, int part, int width, int height, double fps, CameraFeed feed) throws IOException;

        /** The source's own live stream, for one connection. */
        CameraFeed camera(Source source);
    }

    private static final Logger LOG = LoggerFactory.getLogger(VideoInput.class);
    private static final AVRational MICROS = avutil.av_make_q(1, 1_000_000);

    private final int width;
    private final int height;
    private final ByteBuffer latest;
    private long sequence;
    /** When the newest picture came ({@link System#nanoTime()}), and the crop it was given ({@code null}: whole). */
    private long latestNanos;
    private Framing latestCrop;
    /** The newest picture is the slate of a lost source: what a cut to it shows until the source is back. */
    private boolean latestIsSlate;
    private volatile boolean wanted;
    /** How the program frames this source now; {@code null}: whole. */
    private volatile Framing framing;
    /**
     * Crops pictures that come decoded already (raw sources), and scales those read at their own
     * size to the program's; a compressed camera's decoder does both itself.
     */
    private PictureScaler scaler;
    private ByteBuffer scaled;
    /** A grabbed picture whose rows FFmpeg padded, packed; the reading thread's. */
    private ByteBuffer unpadded;
    private ByteBuffer slate;
    private final boolean decodeOffScreen;
    private final Resources resources;
    private int parts;
    private int videoStream = -1;
    private PacketDecoder decoder;
    /** The decoder has had a key frame since it last skipped packets: what it makes is whole. */
    private boolean decoding;
    private final KeyFrames keyFrames = new KeyFrames();
    /** Key frames decoded for analysis alone, the packets between them skipped; the reading thread's. */
    private volatile long keyFramesDecodedAlone;
    private ResourceFile resource;
    private Path resourcePath;
    private RawResource raw;
    /** This connection's own live stream, in resource mode. */
    private CameraFeed feed;
    private ByteBuffer decoded;
    private final MediaRuntime media;
    private final PictureTap pictures;
    /**
     * What this reader reads, told to the media runtime from its start to its end, connection after
     * connection: the camera's state and figures come from it, not from connecting again.
     */
    private StreamReading reading;
    private AVRational videoTimeBase;

    /**
     * @param resources {@code null}: no resource file is written
     * @param pictures where analysis plugins get its whole pictures; {@code null}: nowhere
     */
    public VideoInput(Source source, Profile profile, BiConsumer<Source, String> stateChanges, Resources resources,
            boolean decodeOffScreen, long lostAfterMillis, MediaRuntime media, PictureTap pictures) {
        super(source, stateChanges, lostAfterMillis);
        this.media = media;
        this.pictures = pictures;
        this.resources = resources;
        this.decodeOffScreen = decodeOffScreen;
        this.width = profile.width();
        this.height = profile.height();
        this.latest = ByteBuffer.allocateDirect(VideoFrame.bytes(width, height));
    }

    @Override
    public void start() {
        reading = media.reading(source.locator());
        super.start();
    }

    /** In resource mode a raw source keeps its own size, for its own file; otherwise FFmpeg scales it to the program's. */
    @Override
    void configure(FFmpegFrameGrabber grabber) {
        if (resources == null) {
            grabber.setImageWidth(width);
            grabber.setImageHeight(height);
        }
        grabber.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    }

    @Override
    void opened(FFmpegFrameGrabber grabber) throws Exception {
        AVFormatContext format = grabber.getFormatContext();
        reading.connected(Ffmpeg.streams(format));
        int video = av_find_best_stream(format, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (video < 0) return;
        AVCodecParameters p = format.streams(video).codecpar();
        // pictures made in memory (test sources, capture devices) come decoded already
        if (p.codec_id() == avcodec.AV_CODEC_ID_RAWVIDEO || p.codec_id() == avcodec.AV_CODEC_ID_WRAPPED_AVFRAME) {
            if (resources != null) openRaw(grabber);
            return;
        }
        videoStream = video;
        videoTimeBase = format.streams(video).time_base();
        decoder = new PacketDecoder(p, width, height);
        decoding = false;
        if (decoded == null) decoded = ByteBuffer.allocateDirect(latest.capacity());
        if (resources != null && (p.codec_id() == avcodec.AV_CODEC_ID_H264 || p.codec_id() == avcodec.AV_CODEC_ID_HEVC)) {
            int audio = av_find_best_stream(format, avutil.AVMEDIA_TYPE_AUDIO, -1, video, (AVCodec) null, 0);
            resourcePath = resources.file(source, ++parts);
            resource = new ResourceFile(resourcePath, format, video, audio < 0 ? -1 : audio);
            feed = resources.camera(source);
            feed.open(format, video, audio < 0 ? -1 : audio);
        }
    }

    /** A raw source whose own file cannot be made is still shown: the program needs no file of it. */
    private void openRaw(FFmpegFrameGrabber grabber) {
        try {
            feed = resources.camera(source);
            raw = resources.raw(source, ++parts, grabber.getImageWidth(), grabber.getImageHeight(), grabber.getFrameRate(), feed);
        } catch (IOException | RuntimeException e) {
            LOG.error("Source {}: no file of its own for this connection", source.key(), e);
        }
    }

    @Override
    void disconnected() {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Resource file {} did not close cleanly", resourcePath, e);
            }
        }
        if (raw != null) raw.finish();
        raw = null;
        if (feed != null) feed.end();
        feed = null;
        if (decoder != null) decoder.close();
        if (scaler != null) scaler.close();
        scaler = null;
        resource = null;
        decoder = null;
        videoStream = -1;
    }

    @Override
    boolean read(FFmpegFrameGrabber grabber) throws Exception {
        return decoder != null ? readPacket(grabber) : readPicture(grabber);
    }

    /** A compressed camera: its packet is decoded if the program shows it, and goes to its resource file. */
    private boolean readPacket(FFmpegFrameGrabber grabber) throws Exception {
        AVPacket packet = grabber.grabPacket();
        if (packet == null) return false;
        try {
            if (packet.stream_index() == videoStream) {
                long t = packet.dts() != avutil.AV_NOPTS_VALUE ? packet.dts() : packet.pts();
                long micros = t == avutil.AV_NOPTS_VALUE ? StreamReading.UNTIMED : av_rescale_q(t, videoTimeBase, MICROS);
                reading.picture(micros, packet.size());
                if ((packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0) keyFrames.seen(micros);
                decode(packet);
            } else {
                reading.other(packet.size());
            }
            if (feed != null) feed.packet(packet);
            // after decoding and the live feed: writing rewrites the packet's timestamps for the file
            if (resource != null) writeResource(packet);
            return true;
        } finally {
            avcodec.av_packet_unref(packet);
        }
    }

    private void decode(AVPacket packet) {
        boolean show = wanted;
        PictureTap analysed = pictures != null && pictures.wanted() ? pictures : null;
        if (!show && !decodeOffScreen && analysed == null) {
            decoding = false;
            return;
        }
        if (!show && !decodeOffScreen && keyFrames.atLeastEvery(analysed.shortestPeriodMicros())) {
            // only analysis wants it, no more often than key frames come: those alone, each a whole picture
            // by itself, at a fraction of the cost; a cut to it starts at the next key frame, as for any
            // camera off screen
            decoding = false;
            if ((packet.flags() & avcodec.AV_PKT_FLAG_KEY) == 0) return;
            decoder.restart();
            keyFramesDecodedAlone++;
            decoder.decode(packet, null, null, analysed);
            return;
        }
        if (!decoding) {
            // after skipped packets only a key frame makes a whole picture
            if ((packet.flags() & avcodec.AV_PKT_FLAG_KEY) == 0) return;
            decoder.restart();
            decoding = true;
        }
        Framing f = framing;
        if (decoder.decode(packet, show ? decoded : null, f, analysed) > 0 && show) keep(decoded.duplicate().clear(), crop(f), false);
    }

    /**
     * A resource file that fails after it began (a camera that restarted its clock without the
     * connection dropping, say) goes on in a new part from the next key frame, the reason in the
     * lesson's source events; one that fails from the start is given up for this connection. The
     * program goes on with the source either way.
     */
    private void writeResource(AVPacket packet) {
        try {
            if (resource.write(packet)) resources.started(source, resourcePath);
        } catch (Exception e) {
            ResourceFile failed = resource;
            resource = null;
            try {
                failed.close();
            } catch (Exception ignored) {
                // what was written stays
            }
            if (failed.begun()) {
                resourcePath = resources.file(source, ++parts);
                resource = failed.another(resourcePath);
                broke(e.getMessage() + "; its file goes on in part " + parts);
            } else {
                LOG.error("Source {}: resource file {} stopped", source.key(), resourcePath, e);
            }
        }
    }

    @Override
    void ended() {
        reading.close();
    }

    /** Until it is back, the program shows a slate where this source was; the camera's state says why. */
    @Override
    void lost() {
        reading.lost(problem());
        if (slate == null) slate = Slate.of(source.label(), width, height);
        keep(slate.duplicate().clear(), null, true);
    }

    private boolean readPicture(FFmpegFrameGrabber grabber) throws FFmpegFrameGrabber.Exception {
        Frame frame = grabber.grabImage();
        if (frame == null) return false;
        // decoded already: no compressed size to tell
        reading.picture(frame.timestamp, 0);
        // kept off screen too (the picture is decoded already: keeping it is a copy, or a scaling
        // where it comes at its own size), so that a cut to this camera shows it at once rather
        // than at its next picture.
        int w = frame.imageWidth;
        int h = frame.imageHeight;
        ByteBuffer picture = packed(frame, w, h);
        if (raw != null) raw.picture(picture);
        if (pictures != null && pictures.wanted()) pictures.offer(picture, w, h);
        Framing crop = wanted ? crop(framing) : null;
        if (crop != null || w != width || h != height) {
            if (scaler == null) {
                scaler = new PictureScaler(width, height);
                scaled = ByteBuffer.allocateDirect(latest.capacity());
            }
            scaler.scale(picture, w, h, crop, scaled);
            picture = scaled.duplicate().clear();
        }
        keep(picture, crop, false);
        return true;
    }

    /**
     * The grabbed picture as tightly packed I420. javacv limits the buffer to the Y plane; where U and V
     * follow it in the same allocation, unpadded, it is used as it is, else the planes are copied
     * together: FFmpeg pads each row to 32 or 64 bytes, so a picture whose half width is not such a
     * multiple (160 or 720 wide, CIF's 352) has gaps between its rows.
     */
    private ByteBuffer packed(Frame frame, int w, int h) {
        AVFrame f = (AVFrame) frame.opaque;
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        long y = f.data(0).address();
        if (f.linesize(0) == w && f.linesize(1) == cw && f.linesize(2) == cw && f.data(1).address() == y + (long) w * h
                && f.data(2).address() == y + (long) w * h + (long) cw * ch) {
            ByteBuffer picture = ((ByteBuffer) frame.image[0]).duplicate();
            picture.limit(VideoFrame.bytes(w, h)).position(0);
            return picture.slice();
        }
        int size = av_image_get_buffer_size(avutil.AV_PIX_FMT_YUV420P, w, h, 1);
        if (unpadded == null || unpadded.capacity() != size) unpadded = ByteBuffer.allocateDirect(size);
        av_image_copy_to_buffer(new BytePointer(unpadded), size, f.data(), f.linesize(), avutil.AV_PIX_FMT_YUV420P, w, h, 1);
        return unpadded.duplicate().clear();
    }

    private synchronized void keep(ByteBuffer picture, Framing crop, boolean isSlate) {
        latest.clear();
        latest.put(picture);
        latestNanos = System.nanoTime();
        latestCrop = crop;
        latestIsSlate = isSlate;
        sequence++;
    }

    private static Framing crop(Framing framing) {
        return framing != null && framing.isCrop() ? framing : null;
    }

    /**
     * While wanted, the newest picture is kept for {@link #copyNewerThan}, framed as asked
     * ({@code null}: whole); otherwise a compressed camera's frames are read and not shown, and a
     * raw source's are kept whole.
     */
    public void want(boolean wanted, Framing framing) {
        this.framing = framing;
        this.wanted = wanted;
    }

    /**
     * Copies the newest picture into {@code into} if it is newer than {@code seen}; answers the
     * sequence number of what {@code into} now holds from this source ({@code seen} if nothing newer).
     */
    public synchronized long copyNewerThan(long seen, ByteBuffer into) {
        if (sequence <= seen) return seen;
        into.clear();
        into.put(latest.duplicate().clear());
        into.flip();
        return sequence;
    }

    /**
     * The sequence number a shot that wants this source, framed so, has seen already: the newest
     * picture counts as unseen if it came at {@code freshNanos} or later with that crop, or is the
     * slate of a lost source.
     */
    public synchronized long seenBefore(long freshNanos, Framing framing) {
        boolean fresh = sequence > 0
                && (latestIsSlate || latestNanos - freshNanos >= 0 && Objects.equals(latestCrop, crop(framing)));
        return fresh ? sequence - 1 : sequence;
    }

    /** How many key frames were decoded alone, for analysis while off screen (a reader's figure, for tests and logs). */
    long keyFramesDecodedAlone() {
        return keyFramesDecodedAlone;
    }
}
