package org.yike.driver.support;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public final class StreamWatch implements AutoCloseable {

    /** Opens the stream, reads what it carries and measures it over {@code window}, or says why not; {@code MediaRuntime::sample}. */
    public interface Probe {
        StreamSample sample(StreamLocator locator, Duration timeout, Duration window) throws IOException;
    }

    /** Time for reading which streams a camera sends, on top of its socket timeout. */
    public static final Duration STREAM_INFO_TIME = Duration.ofSeconds(10);

    /** How much of the stream's time each answer measures: 25 pictures of a 25 fps camera. */
    public static final Duration WINDOW = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(StreamWatch.class);

    private final String deviceId;
    private final StreamLocator locator;
    private final Duration timeout;
    private final Duration onlineEvery;
    private final Probe probe;
    private final Thread thread;
    private volatile DeviceStatus status;
    private volatile StreamFigures figures;
    private volatile boolean closed;

    /** {@code thread}: the name of the watch's thread, beginning as the driver's threads do. */
    public StreamWatch(String thread, String deviceId, StreamLocator locator, Duration timeout, Duration onlineEvery,
            Probe probe) {
        this.deviceId = deviceId;
        this.locator = locator;
        this.timeout = timeout;
        this.onlineEvery = onlineEvery;
        this.probe = probe;
        this.status = new DeviceStatus(DeviceStatus.State.CONNECTING, "asking " + locator.redacted());
        this.thread = new Thread(this::run, thread);
        this.thread.setDaemon(true);
    }

    public StreamWatch start() {
        thread.start();
        return this;
    }

    public StreamLocator locator() {
        return locator;
    }

    public DeviceStatus status() {
        return status;
    }

    /** What the last answer measured; none while the stream does not answer. */
    public Optional<StreamFigures> figures() {
        return Optional.ofNullable(figures);
    }

    private void run() {
        Duration retry = Backoff.FIRST;
        while (!closed) {
            DeviceStatus answer = ask();
            if (closed) return;
            if (!answer.equals(status)) report(answer);
            status = answer;
            boolean online = answer.state() == DeviceStatus.State.ONLINE;
            Duration pause = online ? onlineEvery : retry;
            retry = online ? Backoff.FIRST : Backoff.after(retry);
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private DeviceStatus ask() {
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

    private void report(DeviceStatus answer) {
        if (answer.state() == DeviceStatus.State.ONLINE) {
            LOG.info("Camera {} ({}) is online: {}", deviceId, locator.redacted(), answer.reason());
        } else {
            LOG.warn("Camera {} ({}) is offline: {}", deviceId, locator.redacted(), answer.reason());
        }
    }

    /** Stops the watch, interrupting a probe under way; the last answer stands. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
