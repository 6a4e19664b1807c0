package org.yike.driver.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.yike.api.device.DeviceStatus;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;
import org.yike.media.ReaderState;
import org.yike.media.StreamSample;

/**
 * A camera's state, told on a daemon thread: CONNECTING until the first answer, then ONLINE or
 * OFFLINE with the reason; a change is logged once, with the URL's credentials masked.
 * <p>
 * Made with the {@link MediaRuntime}: while a lesson reads the stream ({@link MediaRuntime#reader})
 * the state is the lesson's reads, looked at every {@link #READ_EVERY}: packets arriving are ONLINE,
 * the reader's lost connection (its read timeout, say) is OFFLINE with the reader's reason, and the
 * figures are the reader's; nothing connects a second time. A camera that no lesson reads is asked
 * every {@code onlineEvery} (after the {@link Backoff} while OFFLINE) with one RTSP request
 * ({@link RtspProbe}: OPTIONS, or DESCRIBE to check the credentials); only when it comes online is
 * its stream opened once and measured ({@code MediaRuntime::sample}, packets read for {@link #WINDOW}
 * of its time, not decoded), for what it sends and its figures. A stream that is not {@code rtsp://}
 * (RTMP, SRT, HTTP, RTSPS) has no such request: it is opened and measured at each ask.
 * <p>
 * Made with a {@link Probe} only (drivers built against 1.0), every ask opens and measures the stream.
 */
public final class StreamWatch extends DeviceWatch {

    /** Opens the stream, reads what it carries and measures it over {@code window}, or says why not; {@code MediaRuntime::sample}. */
    public interface Probe {
        StreamSample sample(StreamLocator locator, Duration timeout, Duration window) throws IOException;
    }

    /** Time for reading which streams a camera sends, on top of its socket timeout. */
    public static final Duration STREAM_INFO_TIME = Duration.ofSeconds(10);

    /** How much of the stream's time each answer measures: 25 pictures of a 25 fps camera. */
    public static final Duration WINDOW = Duration.ofSeconds(1);

    /** How often the state of a stream that a lesson reads follows the lesson's reads. */
    static final Duration READ_EVERY = Duration.ofSeconds(1);

    private final StreamLocator locator;
    private final Duration timeout;
    private final Duration onlineEvery;
    private final Probe probe;
    private final Function<StreamLocator, Optional<ReaderState>> reader;
    /** The RTSP request that tells the state of a camera no lesson reads; {@code null}: the stream is opened instead. */
    private final RtspProbe rtsp;
    private volatile StreamFigures figures;
    /** What the stream carried when last opened or read; {@code null} before that. */
    private MediaInfo carried;
    private Duration retry = Backoff.FIRST;
    /** When the camera is to be asked next ({@link System#nanoTime()}), unless a lesson reads it. */
    private long nextAsk = System.nanoTime();

    /** {@code thread}: the name of the watch's thread, beginning as the driver's threads do. */
    public StreamWatch(String thread, String deviceId, StreamLocator locator, Duration timeout, Duration onlineEvery,
            Probe probe) {
        this(thread, deviceId, locator, timeout, onlineEvery, probe, l -> Optional.empty(), null);
    }

    /**
     * A watch that takes the state from a lesson's reads while there are any, else from an RTSP
     * request, opening the stream only when it comes online; {@code timeout} bounds each question,
     * and a stream that a lesson reads is OFFLINE once silent that long.
     */
    public StreamWatch(String thread, String deviceId, StreamLocator locator, Duration timeout, Duration onlineEvery,
            MediaRuntime media) {
        this(thread, deviceId, locator, timeout, onlineEvery, media::sample, media::reader, RtspProbe.of(locator));
    }

    StreamWatch(String thread, String deviceId, StreamLocator locator, Duration timeout, Duration onlineEvery, Probe probe,
            Function<StreamLocator, Optional<ReaderState>> reader, RtspProbe rtsp) {
        super(thread, "Camera " + deviceId + " (" + locator.redacted() + ")", "asking " + locator.redacted());
        this.locator = locator;
        this.timeout = timeout;
        this.onlineEvery = onlineEvery;
        this.probe = probe;
        this.reader = reader;
        this.rtsp = rtsp;
    }

    @Override
    public StreamWatch start() {
        super.start();
        return this;
    }

    public StreamLocator locator() {
        return locator;
    }

    /** What the last answer measured; none while the stream does not answer. */
    public Optional<StreamFigures> figures() {
        return Optional.ofNullable(figures);
    }

    @Override
    protected Duration ask() {
        Optional<ReaderState> read = reader.apply(locator);
        long now = System.nanoTime();
        if (read.isPresent()) {
            followReads(read.get());
            // asked at once when the lesson ends: its reads say nothing from then on
            nextAsk = now;
            return READ_EVERY;
        }
        if (now - nextAsk < 0) return min(READ_EVERY, Duration.ofNanos(nextAsk - now));
        DeviceStatus answer = rtsp == null ? sample() : askRtsp();
        report(answer);
        boolean online = answer.state() == DeviceStatus.State.ONLINE;
        Duration pause = online ? onlineEvery : retry;
        retry = online ? Backoff.FIRST : Backoff.after(retry);
        nextAsk = System.nanoTime() + pause.toNanos();
        return min(READ_EVERY, pause);
    }

    /** The state as the lesson reading the stream finds it; while it opens the stream, the last answer stands. */
    private void followReads(ReaderState read) {
        if (read.opening()) return;
        if (read.problem() != null) {
            figures = null;
            report(DeviceStatus.offline(read.problem()));
        } else if (read.silent().compareTo(timeout) > 0) {
            figures = null;
            report(DeviceStatus.offline("no packet for " + read.silent().toSeconds() + " s"));
        } else {
            carried = read.carried();
            if (read.figures() != null) figures = read.figures();
            report(answer(carried));
        }
    }

    /** The camera's answer to one RTSP request; coming online, its stream is opened once for what it sends. */
    private DeviceStatus askRtsp() {
        DeviceStatus answer = rtsp.ask(timeout);
        if (answer.state() != DeviceStatus.State.ONLINE) {
            figures = null;
            return answer;
        }
        if (carried == null || status().state() != DeviceStatus.State.ONLINE) return sample();
        return answer(carried);
    }

    private DeviceStatus sample() {
        StreamSample sample;
        try {
            sample = probe.sample(locator, timeout, WINDOW);
        } catch (IOException e) {
            figures = null;
            return DeviceStatus.offline(e.getMessage());
        } catch (RuntimeException e) {
            figures = null;
            return DeviceStatus.offline("the probe failed: " + e);
        }
        carried = sample.info();
        figures = carried.video().isPresent() ? sample.figures() : null;
        return answer(carried);
    }

    private static DeviceStatus answer(MediaInfo info) {
        return info.video().isPresent() ? new DeviceStatus(DeviceStatus.State.ONLINE, describe(info))
                : DeviceStatus.offline("the stream has no picture: " + describe(info));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What the camera sends, e.g. {@code h264 1920x1080 25 fps, aac 48000 Hz}. */
    public static String describe(MediaInfo info) {
        return info.streams().stream().map(StreamWatch::describe).collect(Collectors.joining(", "));
    }

    private static String describe(MediaInfo.Stream s) {
        return switch (s.type()) {
            // a stream opened in a hurry may not have told its rate yet: none rather than "0 fps"
            case "video" -> s.codec() + " " + s.width() + "x" + s.height() + (s.frameRate() > 0 ? " " + Math.round(s.frameRate()) + " fps" : "");
            case "audio" -> s.codec() + " " + s.sampleRate() + " Hz";
            default -> s.codec();
        };
    }

    /**
     * A camera with a control API (ISAPI, ONVIF) is as online as that API and its picture together:
     * the API's status unless it is ONLINE, then the picture's, both reasons said when both are ONLINE.
     */
    public static DeviceStatus together(DeviceStatus control, DeviceStatus picture) {
        if (control.state() != DeviceStatus.State.ONLINE) return control;
        if (picture.state() != DeviceStatus.State.ONLINE) {
            return new DeviceStatus(picture.state(), "stream: " + picture.reason());
        }
        return new DeviceStatus(DeviceStatus.State.ONLINE, control.reason() + "; " + picture.reason());
    }
}
