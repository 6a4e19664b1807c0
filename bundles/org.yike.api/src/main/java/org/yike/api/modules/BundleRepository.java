package org.yike.api.modules;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The district side: a folder of signed bundles with an OSGi Repository index per channel. The
 * stable index lists what every school may install; each pilot school's index adds the versions
 * published to it first.
 */
@ProviderType
public interface BundleRepository {

    /**
     * Adds a jar after checking its signature, its manifest and its semantic versioning against
     * the newest earlier version of the same bundle; to {@code pilotSchools} only when that is not
     * empty, else as stable.
     */
    Published add(Path jar, List<String> pilotSchools, String who);

    List<Published> bundles();

    /** Makes a version stable: offered to every school. */
    Published promote(String bsn, String version, String who);

    /** Takes a version out of every index; its jar stays so the district can see what was there. */
    Published withdraw(String bsn, String version, String who);
}
