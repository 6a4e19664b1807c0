package org.yike.api.admin;

import org.yike.api.device.Role;
import org.yike.api.device.StreamFigures;

/**
 * One source of a listed device: {@code uri} with any credentials masked, and {@code figures} as the
 * driver last measured them (null where it does not measure, or failed to say).
 */
public record SourceEntry(String id, String key, String label, Role role, String uri, StreamFigures figures) {
}
