package org.yike.connector.gb28181.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonPage;
import org.yike.api.catalog.LessonQuery;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.live.LiveStreams;
import org.yike.api.live.LiveSubscription;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingService;

/**
 * District GB/T 28181 platforms that Yike registers to as a device (see {@link Upstream}); each
 * target is one platform, configured as {@link UpstreamTarget} says, and its registration's state is
 * the target's {@link #status}. Nothing registers anywhere until a target is configured.
 */
@Component(service = PlatformConnector.class)
public class Gb28181Connector implements PlatformConnector {

    static final String FACTORY_PID = "org.yike.connector.gb28181.target";
    /** The profile a platform is sent: the one made for live viewers. */
    static final String PROFILE = "live";
    /** Live packets held for a platform before it loses a group of pictures: some seconds of a live profile. */
    private static final int QUEUE_PACKETS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(Gb28181Connector.class);

    private final Upstream.School school;
    /** Guarded by this. */
    private final Map<String, UpstreamSettings> targets = new HashMap<>();
    private final Map<String, Upstream> upstreams = new HashMap<>();
    private final Map<String, String> states = new HashMap<>();

    @Activate
    public Gb28181Connector(@Reference LiveStreams live, @Reference RecordingService recording, @Reference Catalog catalog) {
        this.school = new Upstream.School() {
            @Override
            public List<String> classrooms() {
                return recording.classrooms();
            }

            @Override
            public boolean live(String room) {
                return live.streams().stream().anyMatch(s -> s.room().equals(room) && s.name().equals(PROFILE) && s.lesson() != null);
            }

            @Override
            public LiveSubscription subscribe(String room) {
                return live.subscribe(room, PROFILE, QUEUE_PACKETS);
            }

            @Override
            public List<Upstream.Span> recorded(String room, Instant from, Instant to) {
                return spans(catalog, room, from, to);
            }
        };
    }

    /** The room's lessons with a start and an end that overlap {@code from}–{@code to}, page by page. */
    static List<Upstream.Span> spans(Catalog catalog, String room, Instant from, Instant to) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate first = LocalDate.ofInstant(from, zone).minusDays(1);
        LocalDate last = LocalDate.ofInstant(to, zone);
        List<Upstream.Span> spans = new ArrayList<>();
        for (int page = 0;; page++) {
            LessonPage p = catalog.find(new LessonQuery(null, room, null, null, null, first, last, null, page, LessonQuery.LARGEST_PAGE));
            for (Lesson l : p.items()) {
                if (l.started() == null || l.ended() == null || !l.started().isBefore(to) || !l.ended().isAfter(from)) continue;
                spans.add(new Upstream.Span(l.id(), l.title(), l.started(), l.ended()));
            }
            if ((long) (page + 1) * LessonQuery.LARGEST_PAGE >= p.total()) return spans;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        upstreams.values().forEach(Upstream::close);
        upstreams.clear();
    }

    @Override
    public String type() {
        return "gb28181";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    @Override
    public void publish(Recording recording, Map<String, Object> target, LongConsumer bytesSent) throws IOException {
        throw new IOException("a gb28181 target is a platform Yike registers to; the platform asks for live pictures, no files are published");
    }

    @Override
    public synchronized void targets(Map<String, Map<String, Object>> byName) {
        Map<String, UpstreamSettings> wanted = new HashMap<>();
        byName.forEach((name, config) -> {
            try {
                wanted.put(name, UpstreamSettings.of(config));
            } catch (IllegalArgumentException e) {
                LOG.error("GB/T 28181 platform {} is left out: {}", name, e.getMessage());
                states.put(name, "misconfigured: " + e.getMessage());
            }
        });
        targets.keySet().removeIf(name -> {
            if (Objects.equals(wanted.get(name), targets.get(name))) return false;
            Upstream u = upstreams.remove(name);
            if (u != null) u.close();
            states.remove(name);
            return true;
        });
        wanted.forEach((name, s) -> {
            if (targets.putIfAbsent(name, s) != null) return;
            try {
                upstreams.put(name, new Upstream(name, s, school));
                states.remove(name);
            } catch (IOException e) {
                LOG.error("GB/T 28181 platform {}: {}", name, e.getMessage());
                states.put(name, "failed: " + e.getMessage());
            }
        });
    }

    @Override
    public synchronized String status(String target) {
        Upstream u = upstreams.get(target);
        return u != null ? u.status() : states.get(target);
    }
}
