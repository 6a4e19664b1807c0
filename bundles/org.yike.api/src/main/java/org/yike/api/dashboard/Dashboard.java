package org.yike.api.dashboard;

import java.time.LocalDate;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The figures of the school's rooms over a span of days, from its timetable, its catalog and its devices. */
@ProviderType
public interface Dashboard {

    /**
     * The figures from {@code from} to {@code to} (both included); sessions count once they have ended.
     *
     * @throws IllegalArgumentException where {@code to} is before {@code from}
     */
    default Figures figures(LocalDate from, LocalDate to) {
        return figures(from, to, Set.of());
    }

    /**
     * The figures of these rooms alone (a building's, say), all where {@code rooms} is empty: their sessions,
     * lessons, devices, views and evaluations.
     *
     * @throws IllegalArgumentException where {@code to} is before {@code from}
     */
    Figures figures(LocalDate from, LocalDate to, Set<String> rooms);
}
