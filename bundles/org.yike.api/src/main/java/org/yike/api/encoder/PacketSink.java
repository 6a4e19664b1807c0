package org.yike.api.encoder;

import org.osgi.annotation.versioning.ConsumerType;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveTrack;

/**
 * Where an {@link Encoding} hands its packets as they leave the encoder, besides writing them to its
 * file: what live streams are made of. Called on the thread that feeds the encoding, so it must
 * return at once; it never changes what the file gets.
 */
@ConsumerType
public interface PacketSink {

    /** A sink that takes nothing: an encoding opened without one. */
    PacketSink NONE = new PacketSink() {
        @Override
        public void tracks(LiveTrack video, LiveTrack audio) {
        }

        @Override
        public void packet(LivePacket packet) {
        }
    };

    /** Once, before the first packet: the encoding's tracks; {@code audio} is {@code null} for pictures only. */
    void tracks(LiveTrack video, LiveTrack audio);

    /**
     * One packet, its times in microseconds on the encoding's timestamps ({@link VideoFrame#timestampMicros()});
     * its data is the sink's.
     */
    void packet(LivePacket packet);
}
