package org.yike.recording.internal.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.yike.api.encoder.PacketSink;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveSubscription;
import org.yike.api.live.LiveTrack;

/**
 * One live stream: listed once its tracks are known, each packet offered to every subscriber's
 * queue on the thread that made it (an encoder's, a camera reader's), ended when its lesson or
 * connection ends.
 */
public final class Channel implements PacketSink {

    private final LiveChannels registry;
    final String room;
    final String name;
    private final LiveStream.Origin origin;
    private final String lesson;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile LiveStream stream;
    private volatile boolean ended;

    Channel(LiveChannels registry, String room, String name, LiveStream.Origin origin, String lesson) {
        this.registry = registry;
        this.room = room;
        this.name = name;
        this.origin = origin;
        this.lesson = lesson;
    }

    @Override
    public void tracks(LiveTrack video, LiveTrack audio) {
        if (ended) return;
        stream = new LiveStream(room, name, origin, lesson, video, audio);
        registry.list(this);
    }

    @Override
    public void packet(LivePacket packet) {
        for (Subscriber s : subscribers) s.offer(packet);
    }

    LiveStream stream() {
        return stream;
    }

    String lesson() {
        return lesson;
    }

    LiveSubscription subscribe(int queuePackets) {
        Subscriber s = new Subscriber(this, queuePackets);
        subscribers.add(s);
        // one that came as the stream ended hears it too
        if (ended) s.end();
        return s;
    }

    void leave(Subscriber s) {
        subscribers.remove(s);
    }

    /** No more packets: subscribers take what they have, then see the end. */
    public void end() {
        ended = true;
        registry.unlist(this);
        subscribers.forEach(Subscriber::end);
    }
}
