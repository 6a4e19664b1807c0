package org.yike.api.access;

import java.time.Duration;

/** A refused login or account change, with the reason in words; nothing was changed. */
public class AccessRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** A value that does not fit: a name, a role, a password too short. */
        INVALID,
        /** No such user or token. */
        NOT_FOUND,
        /** A user of that name exists already. */
        CONFLICT,
        /** Wrong name or password, or an unknown session or token. */
        UNAUTHENTICATED,
        /** The caller may not do this (a school's admin making a district's admin, say). */
        FORBIDDEN,
        /** Too many failed logins: locked for {@link #retryAfter()}. */
        LOCKED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public AccessRefused(Kind kind, String reason) {
        this(kind, reason, Duration.ZERO);
    }

    public AccessRefused(Kind kind, String reason, Duration retryAfter) {
        super(reason);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
