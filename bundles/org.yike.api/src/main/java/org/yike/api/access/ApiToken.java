package org.yike.api.access;

import java.time.Instant;

/**
 * A personal API token as listed (the token itself is shown once, when issued): its id, what its
 * owner called it, when it was made and last used.
 */
public record ApiToken(String id, String label, Instant created, Instant lastUsed) {
}
