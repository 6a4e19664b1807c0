package org.yike.api.access;

/**
 * A person who logs in: {@code name} to log in with, {@code displayName} as the timetable and the
 * lessons write it (a teacher's own lessons are those under that name), a role and its scope.
 */
public record User(String name, String displayName, Role role, Scope scope) {

    public User {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("a user's name is 1 to 64 letters, digits or . _ @ -, not '" + name + "'");
        }
        if (displayName == null || displayName.isBlank()) displayName = name;
        displayName = displayName.strip();
        if (displayName.length() > 128) throw new IllegalArgumentException("a display name is at most 128 characters");
        if (role == null) throw new IllegalArgumentException("a user needs a role");
        if (scope == null) throw new IllegalArgumentException("a user needs a scope");
    }
}
