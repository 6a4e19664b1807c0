package org.yike.config.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;

import org.apache.felix.cm.PersistenceManager;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.LoggerFactory;
import org.yike.api.runtime.Settings;

/**
 * Registers the data folder's store as the persistence manager ConfigAdmin waits for
 * ({@code felix.cm.pm=data-folder}, a framework property of every start). An activator, since it must
 * be there before Declarative Services activates a component that reads configuration.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class Activator implements BundleActivator {

    /** The persistence manager's name, as {@code felix.cm.pm} gives it. */
    static final String NAME = "data-folder";

    @Override
    public void start(BundleContext context) throws IOException {
        Path folder = Settings.dataFolder().resolve("config");
        context.registerService(PersistenceManager.class, new DataFolderStore(folder),
                new Hashtable<>(Map.of(PersistenceManager.PROPERTY_NAME, NAME)));
        LoggerFactory.getLogger(Activator.class).info("Configuration kept in {}", folder);
    }

    @Override
    public void stop(BundleContext context) {
        // the registration ends with the bundle
    }
}
