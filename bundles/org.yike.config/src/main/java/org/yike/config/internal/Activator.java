package org.yike.config.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;

import org.apache.felix.cm.PersistenceManager;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.settings.FrameworkSettings;

/**
 * Registers the data folder's store as the persistence manager ConfigAdmin waits for
 * ({@code felix.cm.pm=data-folder}, a framework property of every start). An activator, since it must
 * be there before Declarative Services activates a component that reads configuration.
 * <p>
 * As the runtime's first bundle it also stops the framework when the JVM is asked to end (SIGTERM,
 * Ctrl-C), which bnd's launcher does not: so every component ends in its own deactivate, running
 * lessons finish their files, and no component needs a shutdown hook of its own.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class Activator implements BundleActivator {

    /** The persistence manager's name, as {@code felix.cm.pm} gives it. */
    static final String NAME = "data-folder";
    /** How long the end of the JVM waits for the bundles to stop. */
    static final long STOP_MILLIS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(Activator.class);

    private Thread stopOnExit;

    @Override
    public void start(BundleContext context) throws IOException {
        Path folder = FrameworkSettings.of(context).dataFolder().resolve("config");
        context.registerService(PersistenceManager.class, new DataFolderStore(folder),
                new Hashtable<>(Map.of(PersistenceManager.PROPERTY_NAME, NAME)));
        LOG.info("Configuration kept in {}", folder);
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        stopOnExit = new Thread(() -> stop(framework), "yike-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    @Override
    public void stop(BundleContext context) {
        // the registration ends with the bundle
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is ending: the hook is what stops the framework
        }
    }

    static void stop(Bundle framework) {
        try {
            framework.stop();
            if (framework instanceof Framework f) f.waitForStop(STOP_MILLIS);
        } catch (BundleException e) {
            LOG.error("The runtime could not stop its bundles: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
