package org.yike.api.vision;

/** How a {@link Picture}'s bytes are laid out, rows tightly packed. */
public enum PictureFormat {
    /**
     * One byte of brightness per pixel, full range: black 0, white 255 (video's 16..235 stretched).
     * What most detectors want.
     */
    GREY,
    /** Brightness, then colour at half width and height (U, then V): planar YUV 4:2:0, video range as the camera sent it. */
    I420;

    /** The bytes a picture {@code width} by {@code height} takes. */
    public int bytes(int width, int height) {
        int luma = width * height;
        return this == GREY ? luma : luma + 2 * ((width + 1) / 2) * ((height + 1) / 2);
    }
}
