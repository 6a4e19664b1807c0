package org.yike.logging.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.log.admin.LoggerAdmin;
import org.osgi.service.log.admin.LoggerContext;

/**
 * The console: every Log Service entry its levels let through, one line each (time, level, thread,
 * the logger's short name, message) and the exception's stack trace under it. While it is active,
 * slf4j's loggers log to the Log Service; the entries made before it started are shown first.
 */
@Component(service = {})
public class Console implements LogListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String EVENTS = "Events.";

    private final PrintStream out = System.out;
    private final LogReaderService reader;
    private final LoggerAdmin admin;
    /** The sequence number of the last entry shown from the history at activation. */
    private long shownUpTo = -1;

    @Activate
    public Console(@Reference LogReaderService reader, @Reference LoggerAdmin admin, @Reference LoggerFactory logService) {
        this.reader = reader;
        this.admin = admin;
        synchronized (this) {
            reader.addLogListener(this);
            List<LogEntry> history = Collections.list(reader.getLog());
            Collections.reverse(history); // oldest first
            for (LogEntry e : history) {
                show(e);
                shownUpTo = e.getSequence();
            }
        }
        BundleLoggers.logService = logService;
    }

    @Deactivate
    void deactivate() {
        BundleLoggers.logService = null;
        reader.removeLogListener(this);
    }

    @Override
    public synchronized void logged(LogEntry entry) {
        if (entry.getSequence() > shownUpTo) show(entry);
    }

    private void show(LogEntry e) {
        if (visible(e)) print(out, e.getTime(), e.getThreadInfo(), e.getLogLevel(), e.getLoggerName(), e.getMessage(), e.getException());
    }

    /**
     * Whether the levels let the entry through. Felix Log records the framework's, bundles' and
     * services' events and legacy LogService calls whatever the levels say: events are shown from
     * WARN up (a bundle that fails to start), the rest as its bundle's levels say.
     */
    boolean visible(LogEntry e) {
        if (e.getLoggerName().startsWith(EVENTS)) return LogLevel.WARN.implies(e.getLogLevel());
        return context(e.getBundle()).getEffectiveLogLevel(e.getLoggerName()).implies(e.getLogLevel());
    }

    /** The bundle's logger context as the Log Service chooses it: the most specific one with levels set. */
    private LoggerContext context(Bundle b) {
        String bsn = b == null ? null : b.getSymbolicName();
        if (bsn == null) return admin.getLoggerContext(null);
        for (String name : List.of(bsn + "|" + b.getVersion() + "|" + b.getLocation(), bsn + "|" + b.getVersion())) {
            LoggerContext c = admin.getLoggerContext(name);
            if (!c.isEmpty()) return c;
        }
        return admin.getLoggerContext(bsn);
    }

    /** One entry: {@code 12:00:00.123 [thread] INFO  Short - message}, the stack trace under it. */
    static void print(PrintStream out, long time, String thread, LogLevel level, String logger, String message, Throwable t) {
        StringBuilder line = new StringBuilder(120).append(TIME.format(Instant.ofEpochMilli(time)))
                .append(" [").append(thread).append("] ").append(String.format("%-5s", level)).append(' ')
                .append(logger.startsWith(EVENTS) ? logger : logger.substring(logger.lastIndexOf('.') + 1))
                .append(" - ").append(message);
        synchronized (out) {
            out.println(line);
            if (t != null) t.printStackTrace(out);
        }
    }
}
