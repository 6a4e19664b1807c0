package org.yike.settings;

import static org.yike.api.runtime.Settings.CLOCK_SPEED;
import static org.yike.api.runtime.Settings.DATA;
import static org.yike.api.runtime.Settings.HTTP_PORT;
import static org.yike.api.runtime.Settings.RECORD_ON_START;
import static org.yike.api.runtime.Settings.REPOSITORIES;
import static org.yike.api.runtime.Settings.TIME_ZONE;
import static org.yike.api.runtime.Settings.TRUST;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.osgi.framework.BundleContext;

/**
 * The settings of a plain start ({@link org.yike.api.runtime.Settings} names them): a framework
 * property, else the environment variable ({@code yike.http.port}: {@code YIKE_HTTP_PORT}), else the
 * default. A value that does not fit is refused with both names.
 */
public final class FrameworkSettings {

    private final UnaryOperator<String> properties;
    private final Map<String, String> environment;

    /** {@code properties}: a setting's value by name, {@code null} when not set. */
    public FrameworkSettings(UnaryOperator<String> properties, Map<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    /** The framework's properties, which in Felix include the system properties, then the process's environment. */
    public static FrameworkSettings of(BundleContext context) {
        return new FrameworkSettings(context::getProperty, System.getenv());
    }

    public Path dataFolder() {
        return Path.of(value(DATA, "yike-data")).toAbsolutePath().normalize();
    }

    public int httpPort() {
        String port = value(HTTP_PORT, "8080");
        try {
            int p = Integer.parseInt(port.trim());
            if (p < 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw refused(HTTP_PORT, port, "a port number");
        }
    }

    public boolean recordOnStart() {
        return Boolean.parseBoolean(value(RECORD_ON_START, "false").trim());
    }

    /** The index URLs of {@code yike.repositories}. */
    public List<String> repositories() {
        return Arrays.stream(value(REPOSITORIES, "").split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
    }

    /** The PEM file of {@code yike.trust}, if set. */
    public Optional<Path> trust() {
        String file = value(TRUST, "");
        return file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.trim()).toAbsolutePath());
    }

    /** How many times faster than real time lessons and the virtual classroom run, 0.01 to 100. */
    public double clockSpeed() {
        String speed = value(CLOCK_SPEED, "1");
        try {
            double s = Double.parseDouble(speed.trim());
            if (!(s >= 0.01 && s <= 100)) throw new NumberFormatException();
            return s;
        } catch (NumberFormatException e) {
            throw refused(CLOCK_SPEED, speed, "a speed from 0.01 to 100");
        }
    }

    /** The school's time zone, the system's unless set. */
    public ZoneId timeZone() {
        String zone = value(TIME_ZONE, "");
        if (zone.isBlank()) return ZoneId.systemDefault();
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw refused(TIME_ZONE, zone, "a time zone such as Asia/Shanghai");
        }
    }

    String value(String name, String fallback) {
        String v = properties.apply(name);
        if (v == null || v.isBlank()) v = environment.get(environmentName(name));
        return v == null || v.isBlank() ? fallback : v;
    }

    static String environmentName(String name) {
        return name.toUpperCase().replace('.', '_');
    }

    private static IllegalArgumentException refused(String name, String value, String wanted) {
        return new IllegalArgumentException(name + " / " + environmentName(name) + " is '" + value + "', not " + wanted);
    }
}
