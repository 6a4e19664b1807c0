package org.yike.api.access;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a user does on the platform. Written in the API as its {@link #wireName()}
 * ({@code district-admin}, {@code school-admin}, ...).
 */
public enum Role {
    /** Runs the district: every school of its region, users, the bundle repository. */
    DISTRICT_ADMIN,
    /** Runs one school's rooms: devices, timetable, modules, publishing, its users. */
    SCHOOL_ADMIN,
    /** Sees their own lessons. */
    TEACHER,
    /** Patrols classrooms (巡课): live rooms and lessons of the scope. */
    INSPECTOR,
    /** Evaluates lessons (评委). */
    JUDGE,
    /** Reviews lessons before they are published beyond their school (审核员). */
    REVIEWER,
    /** Watches lessons and live rooms of the scope. */
    VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isAdmin() {
        return this == DISTRICT_ADMIN || this == SCHOOL_ADMIN;
    }

    /** The role of a wire name, or an {@link IllegalArgumentException} listing those there are. */
    public static Role ofWireName(String name) {
        for (Role r : values()) {
            if (r.wireName().equals(name)) return r;
        }
        throw new IllegalArgumentException("no role '" + name + "'; roles: "
                + Arrays.stream(values()).map(Role::wireName).toList());
    }
}
