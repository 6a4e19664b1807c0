package org.yike.recording.internal.live;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveStreams;
import org.yike.api.live.LiveSubscription;

/**
 * The live streams of the running lessons: each profile as it leaves its encoder, and in resource
 * mode each camera's own stream. The recorder makes the {@link Channel}s; they list themselves
 * once their tracks are known and leave when they end.
 */
@Component(service = {LiveStreams.class, LiveChannels.class})
public class LiveChannels implements LiveStreams {

    private record Key(String room, String name) {
    }

    private final Map<Key, Channel> listed = new ConcurrentHashMap<>();

    /** A stream of {@code room} named {@code name}, not listed before its tracks are known. */
    public Channel channel(String room, String name, LiveStream.Origin origin, String lesson) {
        return new Channel(this, room, name, origin, lesson);
    }

    /** A camera's own stream in {@code room} for one connection; its times on the lesson's clock ({@code lessonMicros}). */
    public CameraFeed camera(String room, String source, String lesson, LongSupplier lessonMicros) {
        return new CameraFeed(channel(room, source, LiveStream.Origin.CAMERA, lesson), lessonMicros);
    }

    /** Ends every stream of the lesson {@code id}: what a lesson that ended, or never started, leaves. */
    public void endLesson(String id) {
        listed.values().stream().filter(c -> Objects.equals(c.lesson(), id)).forEach(Channel::end);
    }

    void list(Channel c) {
        Channel before = listed.put(new Key(c.room, c.name), c);
        if (before != null && before != c) before.end();
    }

    void unlist(Channel c) {
        listed.remove(new Key(c.room, c.name), c);
    }

    @Override
    public List<LiveStream> streams() {
        return listed.values().stream().map(Channel::stream)
                .sorted(Comparator.comparing(LiveStream::room).thenComparing(LiveStream::name)).toList();
    }

    @Override
    public LiveSubscription subscribe(String room, String name, int queuePackets) {
        if (queuePackets < 1) throw new IllegalArgumentException("a subscriber's queue holds at least one packet, not " + queuePackets);
        Channel c = listed.get(new Key(room, name));
        if (c == null) throw new IllegalArgumentException("no live stream " + name + " in room " + room + " now");
        return c.subscribe(queuePackets);
    }

    /** The runtime stopping: subscribers see their streams end. */
    @Deactivate
    void deactivate() {
        listed.values().forEach(Channel::end);
    }
}
