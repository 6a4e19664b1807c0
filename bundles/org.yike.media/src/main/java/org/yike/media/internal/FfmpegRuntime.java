package org.yike.media.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avfilter;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;
import org.yike.media.ReaderState;
import org.yike.media.StreamReading;
import org.yike.media.StreamSample;
import org.yike.settings.FrameworkSettings;

/** Loads every FFmpeg library once at start, so a missing system library shows here, by name. */
@Component(service = MediaRuntime.class)
public class FfmpegRuntime implements MediaRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegRuntime.class);

    private final String version;
    private final Path ffmpeg;
    private final Path ffprobe;
    private final ReadStreams read = new ReadStreams();

    @Activate
    public FfmpegRuntime(BundleContext context) throws IOException {
        this(FrameworkSettings.of(context).dataFolder());
    }

    /**
     * FFmpeg outside a framework (tests, tools): the native libraries go to {@code <dataFolder>/native}
     * unless {@code org.bytedeco.javacpp.cachedir} says where.
     */
    public static FfmpegRuntime load(Path dataFolder) throws IOException {
        return new FfmpegRuntime(dataFolder);
    }

    private FfmpegRuntime(Path dataFolder) throws IOException {
        Path cache = NativeCache.prepare(dataFolder);
        try {
            for (Class<?> library : new Class<?>[] {avutil.class, avcodec.class, avformat.class, avfilter.class,
                    swscale.class, swresample.class, avdevice.class}) {
                Loader.load(library);
            }
            ffmpeg = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
            ffprobe = Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
        } catch (UnsatisfiedLinkError e) {
            throw new IOException("FFmpeg's native libraries do not load: " + e.getMessage()
                    + " (libavdevice needs libxcb1, libxcb-shm0, libasound2 and libpulse0; ./yike deps installs them)", e);
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        version = avutil.av_version_info().getString();
        LOG.info("FFmpeg {} loaded, native libraries in {}", version, cache);
    }

    @Override
    public String ffmpegVersion() {
        return version;
    }

    @Override
    public Path ffmpeg() {
        return ffmpeg;
    }

    @Override
    public Path ffprobe() {
        return ffprobe;
    }

    @Override
    public MediaInfo probe(StreamLocator locator, Duration timeout) throws IOException {
        return sample(locator, timeout, Duration.ZERO).info();
    }

    @Override
    public StreamSample sample(StreamLocator locator, Duration timeout, Duration window) throws IOException {
        Optional<StreamSample> fromReader = read.sample(locator, timeout, window);
        if (fromReader.isPresent()) return fromReader.get();
        return StreamProbe.sample(locator, timeout, window);
    }

    @Override
    public StreamReading reading(StreamLocator locator) {
        return read.open(locator);
    }

    @Override
    public Optional<ReaderState> reader(StreamLocator locator) {
        return read.state(locator);
    }

    @Override
    public boolean hasEncoder(String name) {
        AVCodec codec = avcodec.avcodec_find_encoder_by_name(name);
        return codec != null && !codec.isNull();
    }
}
