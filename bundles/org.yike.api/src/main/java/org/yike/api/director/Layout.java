package org.yike.api.director;

/** How the program places its sources: the first source is the main picture. */
public enum Layout {
    FULL(1),
    PIP_TOP_LEFT(2),
    PIP_TOP_RIGHT(2),
    PIP_BOTTOM_LEFT(2),
    PIP_BOTTOM_RIGHT(2),
    SIDE_BY_SIDE(2),
    QUAD(4);

    private final int sources;

    Layout(int sources) {
        this.sources = sources;
    }

    /** How many sources this layout shows. */
    public int sources() {
        return sources;
    }
}
