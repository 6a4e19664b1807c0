package org.yike.api.vision;

/** How a {@link Picture}'s bytes are laid out, rows tightly packed. */
public enum PictureFormat {
    /** One byte of brightness per pixel: what most detectors want. */
    GREY,
    /** Brightness, then colour at half width and height (U, then V): planar YUV 4:2:0. */
    I420;

    /** The bytes a picture {@code width} by {@code height} takes. */
    public int bytes(int width, int height) {
        int luma = width * height;
        return this == GREY ? luma : luma + 2 * ((width + 1) / 2) * ((height + 1) / 2);
    }
}
