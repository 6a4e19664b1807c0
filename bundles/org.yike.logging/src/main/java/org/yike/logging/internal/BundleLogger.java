package org.yike.logging.internal;

import java.time.Instant;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One slf4j logger: the Log Service's logger of the same name for its bundle. Before there is a Log
 * Service (early in the start, or in a unit test), lines from INFO up go straight to the console.
 */
final class BundleLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    /** The Log Service's logger and the factory it came from. */
    private record Bound(LoggerFactory factory, org.osgi.service.log.Logger logger) {
    }

    private final transient Bundle bundle;
    private transient volatile Bound bound;

    BundleLogger(String name, Bundle bundle) {
        this.name = name;
        this.bundle = bundle;
    }

    /** The Log Service's logger, or null while there is none. */
    private org.osgi.service.log.Logger osgi() {
        LoggerFactory factory = BundleLoggers.logService;
        if (factory == null || bundle == null) return null;
        Bound b = bound;
        if (b == null || b.factory() != factory) {
            try {
                b = new Bound(factory, factory.getLogger(bundle, name, org.osgi.service.log.Logger.class));
            } catch (IllegalArgumentException | IllegalStateException gone) {
                return null; // the bundle was uninstalled or the Log Service stopped meanwhile
            }
            bound = b;
        }
        return b.logger();
    }

    private boolean enabled(Level level) {
        org.osgi.service.log.Logger l = osgi();
        if (l == null) return level.toInt() >= Level.INFO.toInt();
        return switch (level) {
            case TRACE -> l.isTraceEnabled();
            case DEBUG -> l.isDebugEnabled();
            case INFO -> l.isInfoEnabled();
            case WARN -> l.isWarnEnabled();
            case ERROR -> l.isErrorEnabled();
        };
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable t) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        org.osgi.service.log.Logger l = osgi();
        if (l == null) {
            Console.print(System.out, Instant.now().toEpochMilli(), Thread.currentThread().getName(),
                    LogLevel.valueOf(level.name()), name, message, t);
            return;
        }
        // the message is formatted already: the Log Service takes a lone Throwable argument as the exception
        switch (level) {
            case TRACE -> { if (t == null) l.trace(message); else l.trace(message, (Object) t); }
            case DEBUG -> { if (t == null) l.debug(message); else l.debug(message, (Object) t); }
            case INFO -> { if (t == null) l.info(message); else l.info(message, (Object) t); }
            case WARN -> { if (t == null) l.warn(message); else l.warn(message, (Object) t); }
            case ERROR -> { if (t == null) l.error(message); else l.error(message, (Object) t); }
        }
    }
}
