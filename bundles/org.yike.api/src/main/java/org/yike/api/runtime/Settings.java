package org.yike.api.runtime;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a plain start of Yike takes its few settings from: a system property, else an environment
 * variable, else the default. Everything else is configured through ConfigAdmin.
 */
public final class Settings {

    /** The data folder: recordings, native libraries, stores. Default {@code ./yike-data}. */
    public static final String DATA = "yike.data";
    /** The HTTP port of the API and pages. Default 8080. */
    public static final String HTTP_PORT = "yike.http.port";
    /** {@code true}: every classroom starts recording as soon as its devices are there. Default false. */
    public static final String RECORD_ON_START = "yike.record.on.start";

    /**
     * Lessons and the virtual classroom run this many times faster than real time. Default 1. Only
     * for simulation: a 45-minute lesson of the virtual classroom checked in minutes; real cameras
     * and microphones deliver in real time whatever this says.
     */
    public static final String CLOCK_SPEED = "yike.clock.speed";

    /** The school's time zone, an IANA name such as {@code Asia/Shanghai}: the timetable's bells are in it. Default the system's. */
    public static final String TIME_ZONE = "yike.timezone";
    /** Comma-separated OSGi Repository index URLs modules are installed from. Default none. */
    public static final String REPOSITORIES = "yike.repositories";
    /** A PEM file of the certificates whose signatures make a module trusted. Default none. */
    public static final String TRUST = "yike.trust";

    private Settings() {
    }

    public static Path dataFolder() {
        return Path.of(value(DATA, System.getenv(), "yike-data")).toAbsolutePath().normalize();
    }

    public static int httpPort() {
        String port = value(HTTP_PORT, System.getenv(), "8080");
        try {
            int p = Integer.parseInt(port.trim());
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(HTTP_PORT + " / " + envName(HTTP_PORT) + " is '" + port
                    + "', not a port number");
        }
    }

    public static boolean recordOnStart() {
        return Boolean.parseBoolean(value(RECORD_ON_START, System.getenv(), "false").trim());
    }

    /** The index URLs of {@code yike.repositories} / {@code YIKE_REPOSITORIES}. */
    public static List<String> repositories() {
        return Arrays.stream(value(REPOSITORIES, System.getenv(), "").split(",")).map(String::trim)
                .filter(u -> !u.isEmpty()).toList();
    }

    /** The PEM file of {@code yike.trust} / {@code YIKE_TRUST}, if set. */
    public static Optional<Path> trust() {
        String file = value(TRUST, System.getenv(), "");
        return file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.trim()).toAbsolutePath());
    }

    public static double clockSpeed() {
        String speed = value(CLOCK_SPEED, System.getenv(), "1");
        try {
            double s = Double.parseDouble(speed.trim());
            if (!(s >= 0.01 && s <= 100)) throw new NumberFormatException();
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(CLOCK_SPEED + " / " + envName(CLOCK_SPEED) + " is '" + speed
                    + "', not a speed from 0.01 to 100");
        }
    }

    /** The school's time zone; one that is no IANA name is refused with the setting's name. */
    public static ZoneId timeZone() {
        String zone = value(TIME_ZONE, System.getenv(), "");
        if (zone.isBlank()) return ZoneId.systemDefault();
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(TIME_ZONE + " / " + envName(TIME_ZONE) + " is '" + zone
                    + "', not a time zone such as Asia/Shanghai");
        }
    }

    /** {@code yike.http.port} is read from the system property of that name, then from {@code YIKE_HTTP_PORT}. */
    static String value(String property, Map<String, String> env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = env.get(envName(property));
        return v == null || v.isBlank() ? fallback : v;
    }

    static String envName(String property) {
        return property.toUpperCase().replace('.', '_');
    }
}
