package org.yike.api.runtime;

/**
 * The names of the few settings of a plain start, as a launcher, an installer or a test sets them:
 * framework or system properties, or the environment variable of the same name in capitals with
 * {@code _} for {@code .} ({@code yike.http.port}: {@code YIKE_HTTP_PORT}). Everything else is
 * configured through ConfigAdmin. The bundle {@code org.yike.settings} reads them.
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
}
