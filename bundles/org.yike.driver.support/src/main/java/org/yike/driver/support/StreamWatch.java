package org.yike.driver.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import org.yike.api.device.DeviceStatus;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.StreamSample;

/**
 * Whether a camera's stream opens, asked on a daemon thread: CONNECTING until the first answer,
 * then ONLINE (asked again every {@code onlineEvery}) or OFFLINE with the reason (asked again after
 * the {@link Backoff}). A state change is logged once, with the URL's credentials masked. Each
 * answer also measures the stream: its packets are read, not decoded, for {@link #WINDOW} of its
 * time, which adds about that much to a probe that costs a few tenths of a percent of a core. While a
 * lesson reads the stream, {@code MediaRuntime::sample} counts the lesson's packets instead of
 * connecting a second time.
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

    private final StreamLocator locator;
    private final Duration timeout;
    private final Duration onlineEvery;
    private final Probe probe;
    private volatile StreamFigures figures;
    private Duration retry = Backoff.FIRST;

    /** {@code thread}: the name of the watch's thread, beginning as the driver's threads do. */
    public StreamWatch(String thread, String deviceId, StreamLocator locator, Duration timeout, Duration onlineEvery,
            Probe probe) {
        super(thread, "Camera " + deviceId + " (" + locator.redacted() + ")", "asking " + locator.redacted());
        this.locator = locator;
        this.timeout = timeout;
        this.onlineEvery = onlineEvery;
        this.probe = probe;
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
        DeviceStatus answer = sample();
        report(answer);
        boolean online = answer.state() == DeviceStatus.State.ONLINE;
        Duration pause = online ? onlineEvery : retry;
        retry = online ? Backoff.FIRST : Backoff.after(retry);
        return pause;
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
        MediaInfo info = sample.info();
        figures = info.video().isPresent() ? sample.figures() : null;
        return info.video().isPresent() ? new DeviceStatus(DeviceStatus.State.ONLINE, describe(info))
                : DeviceStatus.offline("the stream has no picture: " + describe(info));
    }

    /** What the camera sends, e.g. {@code h264 1920x1080 25 fps, aac 48000 Hz}. */
    public static String describe(MediaInfo info) {
        return info.streams().stream().map(StreamWatch::describe).collect(Collectors.joining(", "));
    }

    private static String describe(MediaInfo.Stream s) {
        return switch (s.type()) {
            case "video" -> s.codec() + " " + s.width() + "x" + s.height() + " " + Math.round(s.frameRate()) + " fps";
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
