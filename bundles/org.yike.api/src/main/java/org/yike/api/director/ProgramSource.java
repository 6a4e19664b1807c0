package org.yike.api.director;

import org.yike.api.device.Role;

/** A video source a director may put in the program, by its key ({@code deviceId/sourceId}). */
public record ProgramSource(String key, Role role, String label) {
}
