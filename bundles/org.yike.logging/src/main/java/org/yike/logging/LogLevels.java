package org.yike.logging;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime's log levels, kept as the OSGi Log Service's configurations ({@code
 * org.osgi.service.log.admin} for logger names in every bundle, {@code org.osgi.service.log.admin|<bsn>}
 * for one bundle), so a change applies at once, without a restart, and survives one.
 */
@ProviderType
public interface LogLevels {

    /** The name of the level every logger has unless one is set for it or an ancestor. */
    String DEFAULT = "ROOT";

    /**
     * The levels set: {@link #DEFAULT}, each bundle given one (by symbolic name) and each logger name
     * given one; a logger configured inside one bundle only is listed as {@code <bsn>|<logger>}.
     */
    Map<String, String> levels();

    /**
     * Sets the level ({@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}) of
     * {@code name}: an installed bundle's symbolic name (all its loggers), else a logger name and
     * the names below it, in every bundle; {@link #DEFAULT} for the default. {@code level} null: back
     * to what it inherits.
     *
     * @throws IllegalArgumentException for an unknown level or an empty name
     */
    void set(String name, String level);
}
