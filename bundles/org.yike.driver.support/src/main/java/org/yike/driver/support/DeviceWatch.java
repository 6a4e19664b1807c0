package org.yike.driver.support;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.DeviceStatus;

/**
 * A device's state, asked again and again on a daemon thread until {@link #close}: CONNECTING until
 * the first answer; a change is logged once, ONLINE as information, any other state as a warning.
 */
public abstract class DeviceWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceWatch.class);

    private final String device;
    private final Thread thread;
    private volatile DeviceStatus status;
    private volatile boolean closed;

    /**
     * @param thread the name of the watch's thread, beginning as the driver's threads do
     * @param device the device as logs name it, e.g. {@code Camera cam1 (rtsp://***@host/live)}
     * @param connecting what the device's CONNECTING state says until the first answer
     */
    protected DeviceWatch(String thread, String device, String connecting) {
        this.device = device;
        this.status = new DeviceStatus(DeviceStatus.State.CONNECTING, connecting);
        this.thread = new Thread(this::run, thread);
        this.thread.setDaemon(true);
    }

    /** Asks the device once, {@link #report}s what it found and says how long to wait before asking again. */
    protected abstract Duration ask();

    public DeviceWatch start() {
        thread.start();
        return this;
    }

    public DeviceStatus status() {
        return status;
    }

    /** The device's state now; an answer that comes after {@link #close} is not taken. */
    protected final void report(DeviceStatus answer) {
        if (closed || answer.equals(status)) return;
        status = answer;
        if (answer.state() == DeviceStatus.State.ONLINE) {
            LOG.info("{} is online: {}", device, answer.reason());
        } else {
            LOG.warn("{} is offline: {}", device, answer.reason());
        }
    }

    private void run() {
        while (!closed) {
            Duration pause = ask();
            if (closed) return;
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the watch, interrupting a question under way; the last answer stands. */
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
