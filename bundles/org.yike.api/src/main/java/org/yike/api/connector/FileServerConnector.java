package org.yike.api.connector;

import java.io.IOException;
import java.util.Map;
import java.util.function.LongConsumer;

import org.osgi.annotation.versioning.ConsumerType;
import org.yike.api.recording.Recording;

/**
 * A connector to a server that stores files (FTP, SFTP): it only opens the target's folder; which
 * files go, their names, resuming, temporary names, bandwidth and retries are the publishing
 * queue's.
 */
@ConsumerType
public interface FileServerConnector extends PlatformConnector {

    /**
     * Connects and logs in to the target's base folder. Throws with a reason a person can act on
     * (refused, wrong password, unknown host key), never with the password in it.
     */
    RemoteFolder open(Map<String, Object> target) throws IOException;

    /** The publishing queue sends the files through {@link #open}. */
    @Override
    default void publish(Recording recording, Map<String, Object> target, LongConsumer bytesSent) throws IOException {
        throw new UnsupportedOperationException(type() + " publishes through the publishing queue's open()");
    }
}
