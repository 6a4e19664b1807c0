package org.yike.lib.sip.internal;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.core.CommonLogger;
import gov.nist.core.StackLogger;

/**
 * NIST's stack logging through slf4j: its default logger is log4j 1.2, which is not in the runtime.
 * The stack makes this class by name ({@code gov.nist.javax.sip.STACK_LOGGER}); {@link #install}
 * also sets it before any stack class can log.
 */
public final class StackLog implements StackLogger {

    private static final Logger LOG = LoggerFactory.getLogger("org.yike.lib.sip.stack");

    /** Every stack class's logger: one static field of the stack, in this bundle's private copy of it. */
    public static void install() {
        CommonLogger.useLegacyLogger = true;
        CommonLogger.legacyLogger = new StackLog();
    }

    @Override
    public void logStackTrace() {
        // the stack asks for traces of its own calls at TRACE_DEBUG; nothing a person can use
    }

    @Override
    public void logStackTrace(int traceLevel) {
        // as above
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.warn("SIP stack", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(message);
    }

    @Override
    public void logError(String message) {
        LOG.error(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isDebugEnabled();
    }

    /** The stack asks before it builds a message: only levels slf4j would write; its INFO is chatty, so DEBUG here. */
    @Override
    public boolean isLoggingEnabled(int level) {
        return switch (level) {
            case TRACE_FATAL, TRACE_ERROR -> LOG.isErrorEnabled();
            case TRACE_WARN -> LOG.isWarnEnabled();
            case TRACE_INFO, TRACE_DEBUG -> LOG.isDebugEnabled();
            case TRACE_NONE -> false;
            default -> LOG.isTraceEnabled();
        };
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.error(message, ex);
    }

    @Override
    public void logWarning(String message) {
        LOG.warn(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(message);
    }

    @Override
    public void disableLogging() {
        // slf4j's levels decide
    }

    @Override
    public void enableLogging() {
        // slf4j's levels decide
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // not logged
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // slf4j is configured by the runtime, not by the stack's properties
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
