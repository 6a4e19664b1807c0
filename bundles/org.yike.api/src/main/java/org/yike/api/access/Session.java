package org.yike.api.access;

import java.time.Instant;

/**
 * A browser's login: {@code id} goes in an HttpOnly cookie, {@code csrfToken} must come back in a
 * header with every change the browser asks for.
 */
public record Session(String id, String csrfToken, User user, Instant expires) {
}
