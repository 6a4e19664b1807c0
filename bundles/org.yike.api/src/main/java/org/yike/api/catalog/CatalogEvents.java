package org.yike.api.catalog;

/** EventAdmin topics of the catalog. Each carries {@link #ID}; {@link #REASON} where there is one. */
public final class CatalogEvents {

    /** A lesson was deleted, by a user or by retention to make room; carries {@link #FREE_BYTES} when by retention. */
    public static final String DELETED = "org/yike/catalog/DELETED";

    /** A lesson was asked for review, published or rejected; carries {@link #STATE} and the reason of a rejection. */
    public static final String REVIEWED = "org/yike/catalog/REVIEWED";

    /**
     * A lesson was viewed: a player played it at least 10 s, counted once by the player's id; carries
     * {@link #VIEWER} where the viewer is known.
     */
    public static final String VIEWED = "org/yike/catalog/VIEWED";

    public static final String ID = "lesson";
    public static final String REASON = "reason";
    public static final String FREE_BYTES = "freeBytes";
    /** The review state a lesson came to, as {@link LessonReview.State}'s name. */
    public static final String STATE = "state";
    /** Who viewed the lesson: the user's name. */
    public static final String VIEWER = "viewer";

    private CatalogEvents() {
    }
}
