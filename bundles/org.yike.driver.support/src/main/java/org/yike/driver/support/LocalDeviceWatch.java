package org.yike.driver.support;

import java.io.IOException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.DeviceStatus;

/**
 * Whether a device on this machine is there and opens, asked on a daemon thread. A missing node is
 * looked for every second, so a camera plugged back is found at once; a node that is there but does
 * not open is tried again after the {@link Backoff}. An online device is not opened again
 * while its node is there: a lesson reading it holds it, and a second open would only find it busy.
 */
public final class LocalDeviceWatch implements AutoCloseable {

    /** What the watch asks of the device. */
    public interface Local {
        /** Why the device is not there, {@code ""} when it is, {@code null} when only opening it tells. */
        String absence();

        /** Opens the device and says what it delivers, or throws why not ({@link Busy} when another reader has it). */
        String open() throws IOException;
    }

    /** The device is there but another reader holds it. */
    public static final class Busy extends IOException {
        public Busy(String reason) {
            super(reason);
        }
    }

    static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(LocalDeviceWatch.class);

    private final String deviceId;
    private final String what;
    private final Local device;
    private final Duration checkEvery;
    private final Thread thread;
    private volatile DeviceStatus status;
    private volatile boolean closed;

    /** @param what the device as logs name it, e.g. {@code /dev/video0}; {@code threadPrefix} begins the watch thread's name */
    public LocalDeviceWatch(String deviceId, String what, Local device, Duration checkEvery, String threadPrefix) {
        this.deviceId = deviceId;
        this.what = what;
        this.device = device;
        this.checkEvery = checkEvery;
        this.status = new DeviceStatus(DeviceStatus.State.CONNECTING, "opening " + what);
        this.thread = new Thread(this::run, threadPrefix + deviceId);
        thread.setDaemon(true);
    }

    public LocalDeviceWatch start() {
        thread.start();
        return this;
    }

    public DeviceStatus status() {
        return status;
    }

    private void run() {
        Duration retry = Backoff.FIRST;
        while (!closed) {
            Duration pause;
            DeviceStatus answer;
            String absence = device.absence();
            if (absence != null && !absence.isEmpty()) {
                answer = DeviceStatus.offline(absence);
                pause = LOOK_EVERY;
            } else if (absence != null && status.state() == DeviceStatus.State.ONLINE) {
                answer = status;
                pause = checkEvery;
            } else {
                try {
                    answer = new DeviceStatus(DeviceStatus.State.ONLINE, device.open());
                    pause = checkEvery;
                    retry = Backoff.FIRST;
                } catch (Busy e) {
                    // busy right after it was online: most likely the lesson that reads it
                    boolean wasOnline = status.state() == DeviceStatus.State.ONLINE;
                    answer = wasOnline ? new DeviceStatus(DeviceStatus.State.ONLINE, "in use: " + e.getMessage())
                            : DeviceStatus.offline(e.getMessage());
                    pause = wasOnline ? checkEvery : retry;
                    if (!wasOnline) retry = Backoff.after(retry);
                } catch (IOException | RuntimeException e) {
                    answer = DeviceStatus.offline(e.getMessage() == null ? e.toString() : e.getMessage());
                    pause = retry;
                    retry = Backoff.after(retry);
                }
            }
            if (closed) return;
            if (!answer.equals(status)) report(answer);
            status = answer;
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report(DeviceStatus answer) {
        if (answer.state() == DeviceStatus.State.ONLINE) {
            LOG.info("Device {} ({}) is online: {}", deviceId, what, answer.reason());
        } else {
            LOG.warn("Device {} ({}) is offline: {}", deviceId, what, answer.reason());
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
