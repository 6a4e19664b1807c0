package org.yike.api.live;

/**
 * A stream that can be watched now. {@code room} is the classroom; {@code name} is the profile
 * ({@code live}, {@code mobile}, {@code recording}) for a lesson's {@link Origin#PROGRAM}, or the
 * source's id for a {@link Origin#CAMERA}'s own stream. {@code lesson} is the running lesson's id, or
 * {@code null} for a camera watched outside a lesson. {@code audio} is {@code null} for pictures only.
 */
public record LiveStream(String room, String name, Origin origin, String lesson, LiveTrack video, LiveTrack audio) {

    public enum Origin { PROGRAM, CAMERA }

    public LiveStream {
        if (room == null || name == null || origin == null || video == null) {
            throw new IllegalArgumentException("a live stream needs a room, a name, an origin and a video track");
        }
    }

    public boolean hasAudio() {
        return audio != null;
    }
}
