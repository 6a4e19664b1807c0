package org.yike.api.dashboard;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/** The figures of the school's rooms over a span of days, from its timetable, its catalog and its devices. */
@ProviderType
public interface Dashboard {

    /**
     * The figures from {@code from} to {@code to} (both included); sessions count once they have ended.
     *
     * @throws IllegalArgumentException where {@code to} is before {@code from}
     */
    Figures figures(LocalDate from, LocalDate to);
}
