package org.yike.connector.rtmp.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.live.LiveStreams;
import org.yike.api.publish.PublishEvents;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingEvents;
import org.yike.media.MediaRuntime;

/**
 * Live targets on RTMP servers; see {@link RtmpTarget} for a target's configuration. A target
 * pushes its room's lesson's live profile while it records, from the live edge: from the lesson's
 * start, or from when the target is made if the room is recording then. Its state goes out as {@link PublishEvents#LIVE} events and
 * into {@link #status}.
 */
@Component(service = {PlatformConnector.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=" + RecordingEvents.STARTED)
public class RtmpConnector implements PlatformConnector, EventHandler {

    static final String FACTORY_PID = "org.yike.connector.rtmp.target";
    private static final Logger LOG = LoggerFactory.getLogger(RtmpConnector.class);

    private final LiveStreams streams;
    private final EventAdmin events;
    /** Guarded by this. */
    private final Map<String, RtmpSettings> targets = new HashMap<>();
    private final Map<String, Push> pushes = new HashMap<>();
    private final Map<String, String> states = new HashMap<>();

    /** The media runtime is referenced so pushes start only where FFmpeg is loaded. */
    @Activate
    public RtmpConnector(@Reference LiveStreams streams, @Reference EventAdmin events, @Reference MediaRuntime media) {
        this.streams = streams;
        this.events = events;
    }

    /** Ends every push and waits for its thread, outside the lock its last report takes. */
    @Deactivate
    void deactivate() throws InterruptedException {
        List<Push> ending;
        synchronized (this) {
            ending = List.copyOf(pushes.values());
            pushes.clear();
        }
        ending.forEach(Push::stop);
        for (Push p : ending) {
            if (!p.awaitEnd(5000)) LOG.warn("The push of lesson {} did not end within 5 s", p.lesson());
        }
    }

    @Override
    public String type() {
        return "rtmp";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    @Override
    public void publish(Recording recording, Map<String, Object> target, LongConsumer bytesSent) throws IOException {
        throw new IOException("an rtmp target pushes its room's lessons live while they record; it publishes no files");
    }

    @Override
    public synchronized void targets(Map<String, Map<String, Object>> byName) {
        Map<String, RtmpSettings> wanted = new HashMap<>();
        byName.forEach((name, config) -> {
            try {
                wanted.put(name, RtmpSettings.of(config));
            } catch (IllegalArgumentException e) {
                // a mistake in the target's configuration, which the message names: no trace to read
                LOG.error("RTMP target {} is left out: {}", name, e.getMessage());
                states.put(name, "misconfigured: " + e.getMessage());
            }
        });
        targets.keySet().removeIf(name -> {
            if (Objects.equals(wanted.get(name), targets.get(name))) return false;
            Push p = pushes.remove(name);
            if (p != null) p.stop();
            states.remove(name);
            return true;
        });
        wanted.forEach((name, s) -> {
            if (targets.putIfAbsent(name, s) == null) {
                states.put(name, "idle: room " + s.room() + " is not recording");
                streams.streams().stream().filter(l -> l.room().equals(s.room()) && l.name().equals(Push.PROFILE) && l.lesson() != null)
                        .findFirst().ifPresent(l -> push(name, s, l.lesson()));
            }
        });
    }

    @Override
    public String status(String target) {
        synchronized (this) {
            return states.get(target);
        }
    }

    /** A lesson started: each target of its room pushes it. */
    @Override
    public synchronized void handleEvent(Event event) {
        Object room = event.getProperty(RecordingEvents.CLASSROOM);
        Object id = event.getProperty(RecordingEvents.ID);
        if (room == null || id == null) return;
        targets.forEach((name, s) -> {
            if (s.room().equals(room)) push(name, s, id.toString());
        });
    }

    private void push(String name, RtmpSettings s, String lesson) {
        Push running = pushes.get(name);
        if (running != null && running.lesson().equals(lesson)) return;
        if (running != null) running.stop();
        Push p = new Push(name, lesson, s, streams, (state, reason) -> report(name, s, lesson, state, reason));
        pushes.put(name, p);
        p.start();
    }

    private void report(String name, RtmpSettings s, String lesson, Push.State state, String reason) {
        String words = state.name().toLowerCase() + ": " + reason;
        synchronized (this) {
            if (targets.get(name) != s) return;
            states.put(name, words);
            if (state == Push.State.ENDED && pushes.get(name) != null && pushes.get(name).lesson().equals(lesson)) {
                pushes.remove(name);
            }
        }
        if (state == Push.State.RECONNECTING) LOG.warn("RTMP target {}: {}", name, reason);
        else LOG.info("RTMP target {}: {}", name, words);
        events.postEvent(new Event(PublishEvents.LIVE, Map.of(PublishEvents.TARGET, name, PublishEvents.RECORDING, lesson,
                PublishEvents.STATE, state.name(), PublishEvents.REASON, reason)));
    }
}
