package org.yike.api.director;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** A way of directing, registered as a service and chosen per classroom by its {@link #id()}. */
@ConsumerType
public interface DirectorStrategy {

    /** Service property and configuration value that names a strategy. */
    String ID = "yike.director";

    String id();

    /** A director for one lesson over these sources (never empty). */
    Director direct(String classroom, List<ProgramSource> sources);
}
