package org.yike.api.admin;

/**
 * A request that was refused, with the reason in words a person can act on; nothing was changed.
 * The kind tells a caller (the HTTP API) which answer to give.
 */
public class AdminRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** A value that does not fit its description, a field missing or unknown. */
        INVALID,
        /** No such device, driver, discovered device or described configuration. */
        NOT_FOUND,
        /** Contradicts what is there: an id taken, a device adopted already, a default device. */
        CONFLICT,
        /** A driver or another part the request needs failed to answer. */
        UNAVAILABLE
    }

    private final Kind kind;

    public AdminRefused(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
