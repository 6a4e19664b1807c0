package org.yike.api.modules;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The school side: installs, updates, uninstalls and rolls back modules from the configured
 * repositories, resolving first and touching only the bundles that need it. Each change is
 * audited as done by {@code who}; a refused change throws {@link ModuleRefused} and changes nothing.
 */
@ProviderType
public interface Modules {

    List<Module> installed();

    /** The newest version of each bundle the repositories offer. */
    List<Offer> available();

    /** Installs or updates {@code bsn} to {@code version} ({@code null}: the newest offered). */
    Module install(String bsn, String version, String who);

    Module uninstall(String bsn, String who);

    /** Returns {@code bsn} to the version it had before its last change. */
    Module rollback(String bsn, String who);
}
