package org.yike.driver.rtsp.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;

/**
 * Whether a camera answers, asked on a daemon thread: CONNECTING until the first answer, then
 * ONLINE (asked again every {@code onlineEvery}) or OFFLINE with the reason (asked again after 1 s, 2 s, 4 s… up
 * to 60 s). A state change is logged once, with the URL's credentials masked.
 */
final class CameraWatch implements AutoCloseable {

    /** Opens the stream and reads what it carries, or says why not; {@code MediaRuntime::probe}. */
    interface Probe {
        MediaInfo probe(StreamLocator locator, Duration timeout) throws IOException;
    }

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(CameraWatch.class);

    private final String deviceId;
    private final StreamLocator locator;
    private final Duration timeout;
    private final Duration onlineEvery;
    private final Probe probe;
    private final Thread thread;
    private volatile DeviceStatus status;
    private volatile boolean closed;

    CameraWatch(String deviceId, StreamLocator locator, Duration timeout, Duration onlineEvery, Probe probe) {
        this.deviceId = deviceId;
        this.locator = locator;
        this.timeout = timeout;
        this.onlineEvery = onlineEvery;
        this.probe = probe;
        this.status = new DeviceStatus(DeviceStatus.State.CONNECTING, "asking " + locator.redacted());
        this.thread = new Thread(this::run, "yike-camera-" + deviceId);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    DeviceStatus status() {
        return status;
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        while (!closed) {
            DeviceStatus answer = ask();
            if (closed) return;
            if (!answer.equals(status)) report(answer);
            status = answer;
            Duration pause = answer.state() == DeviceStatus.State.ONLINE ? onlineEvery : retry;
            retry = answer.state() == DeviceStatus.State.ONLINE ? FIRST_RETRY : longer(retry);
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private DeviceStatus ask() {
        try {
            MediaInfo info = probe.probe(locator, timeout);
            return info.video().map(v -> new DeviceStatus(DeviceStatus.State.ONLINE, describe(info)))
                    .orElseGet(() -> DeviceStatus.offline("the stream has no picture: " + describe(info)));
        } catch (IOException e) {
            return DeviceStatus.offline(e.getMessage());
        } catch (RuntimeException e) {
            return DeviceStatus.offline("the probe failed: " + e);
        }
    }

    /** What the camera sends, e.g. {@code h264 1920x1080 25 fps, aac 48000 Hz}. */
    static String describe(MediaInfo info) {
        return info.streams().stream().map(CameraWatch::describe).collect(Collectors.joining(", "));
    }

    private static String describe(MediaInfo.Stream s) {
        return switch (s.type()) {
            case "video" -> s.codec() + " " + s.width() + "x" + s.height() + " " + Math.round(s.frameRate()) + " fps";
            case "audio" -> s.codec() + " " + s.sampleRate() + " Hz";
            default -> s.codec();
        };
    }

    static Duration longer(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
    }

    private void report(DeviceStatus answer) {
        if (answer.state() == DeviceStatus.State.ONLINE) {
            LOG.info("Camera {} ({}) is online: {}", deviceId, locator.redacted(), answer.reason());
        } else {
            LOG.warn("Camera {} ({}) is offline: {}", deviceId, locator.redacted(), answer.reason());
        }
    }

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
