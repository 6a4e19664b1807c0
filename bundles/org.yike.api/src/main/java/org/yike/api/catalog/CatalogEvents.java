package org.yike.api.catalog;

/** EventAdmin topics of the catalog. Each carries {@link #ID} and {@link #REASON}. */
public final class CatalogEvents {

    /** A lesson was deleted, by a user or by retention to make room; carries {@link #FREE_BYTES} when by retention. */
    public static final String DELETED = "org/yike/catalog/DELETED";

    public static final String ID = "lesson";
    public static final String REASON = "reason";
    public static final String FREE_BYTES = "freeBytes";

    private CatalogEvents() {
    }
}
