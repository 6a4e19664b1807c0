package org.yike.driver.onvif.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.driver.support.Backoff;
import org.yike.driver.support.StreamWatch;
import org.yike.media.MediaRuntime;

/**
 * The connection to one ONVIF camera, kept on a daemon thread: CONNECTING until the first answer,
 * then ONLINE with its streams (and, where it has an event service, pulling its events) or OFFLINE
 * with the reason, asked again after 1 s, 2 s, 4 s… up to 60 s. State changes are logged once. Once
 * the camera has named its main stream, a {@link StreamWatch} watches it (a lesson's reads, else RTSP requests); the camera is
 * ONLINE when it answers and that stream opens.
 */
final class CameraLink implements AutoCloseable {

    /** How often an ONLINE camera without events is asked whether it is still there. */
    static final Duration ONLINE_EVERY = Duration.ofSeconds(30);
    /** The camera holds a PullMessages this long when it has nothing to say. */
    static final Duration PULL_WAIT = Duration.ofSeconds(5);
    /** A subscription is made for this long and made anew before it runs out. */
    static final Duration SUBSCRIPTION = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(CameraLink.class);

    /** What the camera delivers once connected. */
    record Streams(Source main, String subStream, String snapshot) {
    }

    private final String deviceId;
    private final String classroom;
    private final String label;
    private final Role role;
    private final URI url;
    private final String user;
    private final String password;
    private final Map<String, ClassroomEvent.Type> topics;
    private final Consumer<ClassroomEvent> events;
    private final OnvifClient client;
    private final Thread thread;
    private final Duration timeout;
    private final Duration checkEvery;
    private final MediaRuntime media;
    private volatile StreamWatch watch;
    private volatile DeviceStatus status;
    private volatile Streams streams;
    private volatile boolean closed;

    CameraLink(String deviceId, String label, String classroom, Role role, URI url, String user, String password,
            Duration timeout, Map<String, ClassroomEvent.Type> topics, Consumer<ClassroomEvent> events,
            Duration checkEvery, MediaRuntime media) {
        this.deviceId = deviceId;
        this.label = label;
        this.classroom = classroom;
        this.role = role;
        this.url = url;
        this.user = user;
        this.password = password;
        this.topics = Map.copyOf(topics);
        this.events = events;
        this.timeout = timeout;
        this.checkEvery = checkEvery;
        this.media = media;
        // The PullMessages wait is on top of the network's time.
        this.client = new OnvifClient(url, user, password, timeout.plus(PULL_WAIT));
        this.status = new DeviceStatus(DeviceStatus.State.CONNECTING, "asking " + url);
        this.thread = new Thread(this::run, "yike-onvif-" + deviceId);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The camera's answer, and once it has answered its main stream's. */
    DeviceStatus status() {
        StreamWatch w = watch;
        return w == null ? status : StreamWatch.together(status, w.status());
    }

    /** What the main stream's watch measured last. */
    Optional<StreamFigures> figures() {
        StreamWatch w = watch;
        return w == null ? Optional.empty() : w.figures();
    }

    /** The streams while the camera answers, else {@code null}. */
    Streams streams() {
        return status.state() == DeviceStatus.State.ONLINE ? streams : null;
    }

    /** For PTZ: the connected client, or {@code null} while the camera is not ONLINE or has no PTZ. */
    OnvifClient ptz() {
        return status.state() == DeviceStatus.State.ONLINE && client.hasPtz() ? client : null;
    }

    private void run() {
        Duration retry = Backoff.FIRST;
        while (!closed) {
            try {
                connect();
                retry = Backoff.FIRST;
                if (client.hasEvents() && !topics.isEmpty()) {
                    pullEvents();
                } else {
                    Thread.sleep(ONLINE_EVERY.toMillis());
                }
            } catch (IOException e) {
                report(DeviceStatus.offline(e.getMessage()));
            } catch (RuntimeException e) {
                report(DeviceStatus.offline("the camera's answer could not be read: " + e));
            } catch (InterruptedException e) {
                return;
            }
            if (closed || status.state() == DeviceStatus.State.ONLINE) continue;
            try {
                Thread.sleep(retry.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            retry = Backoff.after(retry);
        }
    }

    private void connect() throws IOException {
        client.connect();
        List<OnvifClient.Profile> profiles = client.profiles();
        OnvifClient.Profile main = profiles.get(0);
        String uri = StreamLocator.withCredentials(client.streamUri(main.token()), user, password);
        String sub = profiles.size() > 1 ? client.streamUri(profiles.get(1).token()) : null;
        StreamLocator locator = new StreamLocator(uri, null,
                Map.of("rtsp_transport", "tcp", "timeout", Long.toString(timeout.toNanos() / 1000)));
        watch(locator);
        String snapshot;
        try {
            snapshot = client.snapshotUri(main.token());
        } catch (Soap.Failure e) {
            // Many cameras have no snapshot, or answer it badly; the picture does not depend on it.
            snapshot = "none (" + e.getMessage() + ")";
        }
        streams = new Streams(new Source(deviceId, "video", label, role, locator), sub, snapshot);
        report(new DeviceStatus(DeviceStatus.State.ONLINE, "main " + main + (sub == null ? "" : ", sub " + profiles.get(1))
                + "; snapshot " + snapshot + (client.hasPtz() ? "; PTZ" : "") + (client.hasEvents() ? "; events" : "")));
    }

    /** Watches the main stream at {@code locator}, in place of a watch on an earlier address. */
    private synchronized void watch(StreamLocator locator) {
        if (closed || (watch != null && watch.locator().equals(locator))) return;
        if (watch != null) watch.close();
        watch = new StreamWatch("yike-onvif-" + deviceId + "-stream", deviceId, locator,
                timeout.plus(StreamWatch.STREAM_INFO_TIME), checkEvery, media).start();
    }

    /** Pulls until the camera stops answering (thrown) or the link is closed, subscribing anew before each subscription ends. */
    private void pullEvents() throws IOException {
        while (!closed) {
            URI pullPoint = client.subscribe(SUBSCRIPTION);
            long renewAt = System.nanoTime() + SUBSCRIPTION.minus(PULL_WAIT.multipliedBy(2)).toNanos();
            while (!closed && System.nanoTime() < renewAt) {
                for (OnvifClient.Notification n : client.pull(pullPoint, PULL_WAIT, 32)) post(n);
            }
        }
    }

    /**
     * A mapped topic becomes a classroom event, unless its data says the condition ended
     * ({@code IsMotion=false}). Its time is when it arrived: a camera's own clock may be years off.
     */
    private void post(OnvifClient.Notification n) {
        ClassroomEvent.Type type = topics.get(n.topic());
        if (type == null || n.data().containsValue("false")) return;
        events.accept(new ClassroomEvent(type, classroom, deviceId, "video", null, null, null));
    }

    private void report(DeviceStatus answer) {
        if (closed || answer.equals(status)) return;
        status = answer;
        // The reason names calls and addresses only: the password is never in it.
        if (answer.state() == DeviceStatus.State.ONLINE) {
            LOG.info("ONVIF camera {} ({}) is online: {}", deviceId, url, answer.reason());
        } else {
            LOG.warn("ONVIF camera {} ({}) is offline: {}", deviceId, url, answer.reason());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (watch != null) watch.close();
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
