package org.yike.live.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveStreams;
import org.yike.media.MediaRuntime;
import org.yike.settings.FrameworkSettings;

/**
 * The streams being delivered: one {@link FlvHub} per stream while it has viewers, one {@link HlsHub}
 * per stream while its playlist is read. HLS folders live under {@code <data>/live}.
 */
@Component(service = LiveHubs.class, configurationPid = Limits.PID)
@Designate(ocd = LiveSettings.class)
public class LiveHubs {

    private final LiveStreams streams;
    private final Limits limits;
    private final Path hlsFolders;
    /** Guarded by this. */
    private final Map<String, FlvHub> flv = new HashMap<>();
    private final Map<String, HlsHub> hls = new HashMap<>();

    /** The media runtime is referenced so that muxing starts only where FFmpeg is loaded. */
    @Activate
    public LiveHubs(@Reference LiveStreams streams, @Reference MediaRuntime media, LiveSettings settings, BundleContext context)
            throws IOException {
        this(streams, Limits.of(settings), FrameworkSettings.of(context).dataFolder().resolve("live"));
    }

    LiveHubs(LiveStreams streams, Limits limits, Path hlsFolders) throws IOException {
        this.streams = streams;
        this.limits = limits;
        this.hlsFolders = Files.createDirectories(hlsFolders);
        // what a runtime that stopped abruptly left behind
        try (Stream<Path> left = Files.list(hlsFolders)) {
            for (Path f : left.toList()) HlsHub.delete(f);
        }
    }

    /** Closes every viewer (1001, going away) and ends every stream's delivery. */
    @Deactivate
    void deactivate() throws InterruptedException {
        List<FlvHub> flvs;
        List<HlsHub> hlses;
        synchronized (this) {
            flvs = new ArrayList<>(flv.values());
            hlses = new ArrayList<>(hls.values());
        }
        for (FlvHub h : flvs) h.stop(FlvHub.GOING_AWAY, "the runtime stops");
        for (HlsHub h : hlses) h.stop();
    }

    Limits limits() {
        return limits;
    }

    /** The streams that run now. */
    List<LiveStream> running() {
        return streams.streams();
    }

    /** Whether {@code room}'s stream {@code name} runs now. */
    boolean running(String room, String name) {
        return streams.streams().stream().anyMatch(s -> s.room().equals(room) && s.name().equals(name));
    }

    /** Adds a viewer to the stream's FLV, which it gets from the stream's next key frame, or from its start. */
    synchronized FlvHub watch(String room, String name, Viewer viewer) {
        String key = key(room, name);
        FlvHub hub = flv.get(key);
        if (hub == null || !hub.join(viewer)) {
            FlvHub made = new FlvHub(room, name, streams, limits, h -> forget(flv, key, h));
            made.join(viewer);
            flv.put(key, made);
            made.start();
            hub = made;
        }
        return hub;
    }

    /** How many watch the stream's FLV now. */
    synchronized int viewers(String room, String name) {
        FlvHub hub = flv.get(key(room, name));
        return hub == null ? 0 : hub.viewers();
    }

    /**
     * The stream's HLS, started where it is not made yet.
     *
     * @throws IllegalArgumentException where the stream does not run
     */
    synchronized HlsHub hls(String room, String name) throws IOException {
        String key = key(room, name);
        HlsHub hub = hls.get(key);
        if (hub != null) return hub;
        HlsHub made = new HlsHub(streams.subscribe(room, name, limits.queuePackets()), Files.createTempDirectory(hlsFolders, "hls-"),
                limits, h -> forget(hls, key, h));
        hls.put(key, made);
        made.start();
        return made;
    }

    /** A hub ended: forgotten, unless a newer one for its stream took its place. */
    private synchronized <H> void forget(Map<String, H> hubs, String key, H hub) {
        hubs.remove(key, hub);
    }

    private static String key(String room, String name) {
        return room + "\n" + name;
    }
}
