package org.yike.api.director;

import java.util.List;
import java.util.Optional;

import org.yike.api.device.Role;

/** A video source a director may put in the program, by its key ({@code deviceId/sourceId}). */
public record ProgramSource(String key, Role role, String label) {

    /**
     * The first source with the first of {@code roles} that any source has: roles in order of
     * preference, so a classroom without a close-up camera falls back to the next role.
     */
    public static Optional<ProgramSource> first(List<ProgramSource> sources, Role... roles) {
        for (Role role : roles) {
            for (ProgramSource s : sources) {
                if (s.role() == role) return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
