package org.yike.api.connector;

import java.io.IOException;
import java.util.Map;
import java.util.function.LongConsumer;

import org.osgi.annotation.versioning.ConsumerType;
import org.yike.api.recording.Recording;

/**
 * Publishes a finished recording to a platform: an FTP server, a district platform, Opencast. A
 * target (one server, one account) is a ConfigAdmin factory configuration of {@link #factoryPid()},
 * described by the Metatype of the connector's bundle. A connector that stores files on a server
 * implements {@link FileServerConnector} instead, and the publishing queue does the resuming,
 * temporary names and renaming for it.
 */
@ConsumerType
public interface PlatformConnector {

    /** Short stable name: {@code ftp}, {@code sftp}, {@code opencast}. */
    String type();

    /** The factory PID of this connector's targets; its Metatype describes their configuration. */
    default String factoryPid() {
        return "org.yike.connector." + type() + ".target";
    }

    /**
     * Sends the recording's files to the target described by {@code target} (the connector's own
     * configuration keys), reporting bytes sent so far. Throws with a reason a person can act on.
     */
    void publish(Recording recording, Map<String, Object> target, LongConsumer bytesSent) throws IOException;

    /**
     * This connector's targets by name, each configuration with its secrets opened, whenever one is
     * added, changed or removed: for a connector that keeps in touch with its platform between
     * publications (an Opencast capture agent's state and schedule). Most connectors ignore it.
     */
    default void targets(Map<String, Map<String, Object>> byName) {
    }

    /**
     * What the target named {@code target} is doing now, for a connector that works between
     * publications (a live push): "state: reason" in words, never with a secret; {@code null} where
     * there is nothing to tell.
     */
    default String status(String target) {
        return null;
    }
}
