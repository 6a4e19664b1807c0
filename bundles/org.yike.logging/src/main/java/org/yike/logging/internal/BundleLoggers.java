package org.yike.logging.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.log.LoggerFactory;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * slf4j's provider (found through {@code META-INF/services}): a logger is the OSGi Log Service's
 * logger of the bundle that asked for it, so that bundle's levels in the LoggerAdmin, and those of
 * the logger's name, decide what it logs.
 */
public final class BundleLoggers implements SLF4JServiceProvider, ILoggerFactory {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** The Log Service's, while the console shows its entries (set by {@link Console}); else null. */
    static volatile LoggerFactory logService;

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    @Override
    public Logger getLogger(String name) {
        Bundle bundle = caller();
        return loggers.computeIfAbsent((bundle == null ? "-" : bundle.getBundleId()) + " " + name, k -> new BundleLogger(name, bundle));
    }

    /**
     * The bundle of the class that asked for a logger (the first caller outside slf4j); outside a
     * bundle (a framework on the class path), this one.
     */
    private static Bundle caller() {
        Class<?> asking = STACK.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> c != BundleLoggers.class && !c.getName().startsWith("org.slf4j."))
                .findFirst().orElse(BundleLoggers.class));
        Bundle bundle = FrameworkUtil.getBundle(asking);
        return bundle != null ? bundle : FrameworkUtil.getBundle(BundleLoggers.class);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return this;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to set up: the Log Service is looked up by each logger when it logs
    }
}
