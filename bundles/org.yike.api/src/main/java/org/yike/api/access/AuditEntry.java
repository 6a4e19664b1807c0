package org.yike.api.access;

import java.time.Instant;

/** One change made through the API: who (a user's name), from where, what, on what, with what answer. */
public record AuditEntry(Instant at, String user, String address, String action, String subject, String result) {
}
