package org.yike.web.internal;

/** A request the caller must change: the HTTP status and the reason in words. */
final class Refused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String reason) {
        super(reason);
        this.status = status;
    }
}
