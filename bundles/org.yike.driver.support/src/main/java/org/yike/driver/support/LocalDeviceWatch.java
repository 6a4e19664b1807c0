package org.yike.driver.support;

import java.io.IOException;
import java.time.Duration;

import org.yike.api.device.DeviceStatus;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;

/**
 * Whether a device on this machine is there and opens, asked on a daemon thread. A missing node is
 * looked for every second, so a camera plugged back is found at once; a node that is there but does
 * not open is tried again after the {@link Backoff}. An online device is not opened again
 * while its node is there: a lesson reading it holds it, and a second open would only find it busy.
 */
public final class LocalDeviceWatch extends DeviceWatch {

    /** What the watch asks of the device. */
    public interface Local {
        /** Why the device is not there, {@code ""} when it is, {@code null} when only opening it tells. */
        String absence();

        /** Opens the device and says what it delivers, or throws why not ({@link Busy} when another reader has it). */
        String open() throws IOException;
    }

    /**
     * A device that FFmpeg reads: {@link #open} probes its locator as the recording engine opens it,
     * and says what came, or why nothing did in words a person can act on.
     */
    public abstract static class Probed implements Local {

        protected final StreamLocator locator;
        private final MediaRuntime media;
        private final Duration openTime;

        /** @param openTime how long an open may take (reading a picture or two to tell the format) */
        protected Probed(StreamLocator locator, MediaRuntime media, Duration openTime) {
            this.locator = locator;
            this.media = media;
            this.openTime = openTime;
        }

        @Override
        public final String open() throws IOException {
            MediaInfo info;
            try {
                info = media.probe(locator, openTime);
            } catch (IOException e) {
                throw refusal(e.getMessage());
            }
            return delivers(info);
        }

        /**
         * FFmpeg's reason for not opening (the C library's words) as what a person can do about it;
         * {@link Busy} where another reader holds the device.
         */
        protected abstract IOException refusal(String ffmpeg);

        /** What the opened device delivers, in words; throws where that is not what it must deliver. */
        protected abstract String delivers(MediaInfo info) throws IOException;
    }

    /** The device is there but another reader holds it. */
    public static final class Busy extends IOException {
        public Busy(String reason) {
            super(reason);
        }
    }

    static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final Local device;
    private final Duration checkEvery;
    private Duration retry = Backoff.FIRST;

    /** @param what the device as logs name it, e.g. {@code /dev/video0}; {@code threadPrefix} begins the watch thread's name */
    public LocalDeviceWatch(String deviceId, String what, Local device, Duration checkEvery, String threadPrefix) {
        super(threadPrefix + deviceId, "Device " + deviceId + " (" + what + ")", "opening " + what);
        this.device = device;
        this.checkEvery = checkEvery;
    }

    @Override
    public LocalDeviceWatch start() {
        super.start();
        return this;
    }

    @Override
    protected Duration ask() {
        String absence = device.absence();
        if (absence != null && !absence.isEmpty()) {
            report(DeviceStatus.offline(absence));
            return LOOK_EVERY;
        }
        boolean wasOnline = status().state() == DeviceStatus.State.ONLINE;
        if (absence != null && wasOnline) return checkEvery;
        try {
            report(new DeviceStatus(DeviceStatus.State.ONLINE, device.open()));
            retry = Backoff.FIRST;
            return checkEvery;
        } catch (Busy e) {
            // busy right after it was online: most likely the lesson that reads it
            if (wasOnline) {
                report(new DeviceStatus(DeviceStatus.State.ONLINE, "in use: " + e.getMessage()));
                return checkEvery;
            }
            report(DeviceStatus.offline(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            report(DeviceStatus.offline(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        Duration pause = retry;
        retry = Backoff.after(retry);
        return pause;
    }
}
