package org.yike.api.live;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The live streams of this runtime: each running lesson's profiles and the cameras' own streams. */
@ProviderType
public interface LiveStreams {

    /** The streams that can be watched now, by room and name. */
    List<LiveStream> streams();

    /**
     * Subscribes to {@code room}'s stream {@code name}, holding at most {@code queuePackets} packets
     * for this subscriber before it loses a group of pictures.
     *
     * @throws IllegalArgumentException where no such stream runs now
     */
    LiveSubscription subscribe(String room, String name, int queuePackets);
}
