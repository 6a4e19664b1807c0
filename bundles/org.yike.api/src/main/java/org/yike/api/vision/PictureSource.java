package org.yike.api.vision;

import org.yike.api.device.Role;

/** A video source whose pictures can be had now: lesson {@code lesson} in {@code room} reads it. */
public record PictureSource(String room, String lesson, String key, Role role) {
}
