package org.yike.api.modules;

/**
 * A bundle installed as a module: its symbolic name and version, the bundle's state
 * ({@code ACTIVE}, {@code RESOLVED}…), where it came from (an index URL or the drop folder), its
 * signer, and the version a rollback returns to ({@code null}: none).
 */
public record Module(String bsn, String version, String state, String source, String signer, String previousVersion) {
}
