package org.yike.logging.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.admin.LoggerAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.logging.LogLevels;

/**
 * The levels as ConfigAdmin keeps them for the Log Service (OSGi Log 1.4, 101.8.2): {@code
 * org.osgi.service.log.admin} holds logger names' levels in every bundle, {@code
 * org.osgi.service.log.admin|<bsn>} one bundle's. A change is also handed to the LoggerAdmin at once,
 * so it applies before ConfigAdmin's event reaches the Log Service.
 */
@Component(immediate = true)
public class Levels implements LogLevels {

    private static final Logger LOG = LoggerFactory.getLogger(Levels.class);
    static final String PID = "org.osgi.service.log.admin";

    private final ConfigurationAdmin configurations;
    private final LoggerAdmin admin;
    private final BundleContext context;

    /**
     * Hands the stored levels of each bundle to the LoggerAdmin: Felix Log reads only the default
     * context's configuration when ConfigAdmin appears, and a bundle's only when it changes. A first
     * start sets Jetty's loggers to WARN: its INFO lines tell of its own start only.
     */
    @Activate
    public Levels(@Reference ConfigurationAdmin configurations, @Reference LoggerAdmin admin, BundleContext context)
            throws IOException, InvalidSyntaxException {
        this.configurations = configurations;
        this.admin = admin;
        this.context = context;
        Configuration[] stored = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + PID + "*)");
        if (stored == null) {
            set("org.eclipse.jetty", LogLevel.WARN.name());
            return;
        }
        for (Configuration c : stored) {
            String contextName = c.getPid().equals(PID) ? null : c.getPid().substring(PID.length() + 1);
            admin.getLoggerContext(contextName).setLogLevels(levels(c.getProperties()));
        }
    }

    @Override
    public Map<String, String> levels() {
        Map<String, String> all = new TreeMap<>();
        try {
            Configuration[] stored = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + PID + "*)");
            for (Configuration c : stored == null ? new Configuration[0] : stored) {
                String bundle = c.getPid().equals(PID) ? null : c.getPid().substring(PID.length() + 1);
                levels(c.getProperties()).forEach((logger, level) -> all.put(
                        bundle == null ? logger : logger.equals(DEFAULT) ? bundle : bundle + "|" + logger, level.name()));
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot read the log levels' configurations", e);
        }
        all.putIfAbsent(DEFAULT, admin.getLoggerContext(null).getEffectiveLogLevel(DEFAULT).name());
        return all;
    }

    @Override
    public synchronized void set(String name, String level) {
        if (name == null || name.isBlank() || name.contains("|")) throw new IllegalArgumentException("name a bundle or a logger, not '" + name + "'");
        LogLevel to = level == null ? null : parse(level);
        boolean bundle = isBundle(name);
        String contextName = bundle ? name : null;
        String logger = bundle ? DEFAULT : name;
        try {
            Configuration c = configurations.getConfiguration(bundle ? PID + "|" + name : PID, "?");
            Dictionary<String, Object> properties = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            if (to == null) properties.remove(logger);
            else properties.put(logger, to.name());
            c.update(properties); // kept when empty too: a first start's levels are not set again
            admin.getLoggerContext(contextName).setLogLevels(levels(properties));
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the level of " + name, e);
        }
        LOG.info("Log level of {} {}: {}", bundle ? "bundle" : "logger", name, to == null ? "inherited" : to);
    }

    private boolean isBundle(String name) {
        for (Bundle b : context.getBundles()) if (name.equals(b.getSymbolicName())) return true;
        return false;
    }

    static LogLevel parse(String level) {
        try {
            LogLevel l = LogLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
            if (l != LogLevel.AUDIT) return l;
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw new IllegalArgumentException("no log level '" + level + "': TRACE, DEBUG, INFO, WARN or ERROR");
    }

    /** The levels of a configuration: each property whose value names a level (service.pid does not). */
    private static Map<String, LogLevel> levels(Dictionary<String, Object> properties) {
        Map<String, LogLevel> levels = new TreeMap<>();
        if (properties == null) return levels;
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (properties.get(key) instanceof String value) {
                for (LogLevel l : LogLevel.values()) if (l.name().equalsIgnoreCase(value)) levels.put(key, l);
            }
        }
        return levels;
    }
}
