package org.yike.api.live;

/**
 * One encoded packet of a {@link LiveStream}: a video frame (Annex B or length-prefixed NAL units, as
 * the track's config says) or a piece of sound. Times are microseconds on the lesson's clock (0 when
 * its recording began), or from the stream's first packet for a camera outside a lesson.
 * {@code data} is shared by every subscriber: read it, never change it.
 */
public record LivePacket(LiveTrack.Kind kind, boolean key, long ptsMicros, long dtsMicros, byte[] data) {

    public LivePacket {
        if (kind == null || data == null) throw new IllegalArgumentException("a packet needs a kind and data");
    }

    public boolean video() {
        return kind == LiveTrack.Kind.VIDEO;
    }

    /** A video key frame: where a new viewer can start. */
    public boolean startsPicture() {
        return key && video();
    }
}
