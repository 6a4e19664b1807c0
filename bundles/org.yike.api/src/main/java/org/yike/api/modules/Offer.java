package org.yike.api.modules;

/**
 * A bundle a repository offers: its name and version, the index that lists it, and the version
 * installed here ({@code null}: not installed).
 */
public record Offer(String bsn, String version, String repository, String installedVersion) {
}
