package org.yike.api.vision;

import org.yike.api.device.Role;

/**
 * What a subscriber wants: the pictures of one source ({@code source}, its key {@code device/source}),
 * or of every video source with {@code role}, or of every video source where both are {@code null};
 * scaled to {@code width} by {@code height} (the whole picture, squeezed where the aspect differs), at
 * most {@code fps} a second.
 */
public record PictureRequest(String source, Role role, int width, int height, double fps, PictureFormat format) {

    public PictureRequest {
        if (width < 16 || height < 16 || width > 3840 || height > 2160 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("pictures are 16x16 to 3840x2160, even sides, not " + width + "x" + height);
        }
        if (!(fps > 0 && fps <= 60)) throw new IllegalArgumentException("a picture rate is over 0 and at most 60 a second, not " + fps);
        if (format == null) throw new IllegalArgumentException("a picture format is needed");
        if (role != null && role.isAudio()) throw new IllegalArgumentException("a microphone has no pictures");
    }

    /** The pictures of the source with key {@code source}. */
    public static PictureRequest of(String source, int width, int height, double fps, PictureFormat format) {
        return new PictureRequest(source, null, width, height, fps, format);
    }

    /** The pictures of every video source with {@code role}, in every room. */
    public static PictureRequest of(Role role, int width, int height, double fps, PictureFormat format) {
        return new PictureRequest(null, role, width, height, fps, format);
    }

    /** Whether the source with this key and role is asked for. */
    public boolean wants(String key, Role sourceRole) {
        return (source == null || source.equals(key)) && (role == null || role == sourceRole);
    }
}
