package org.yike.district.events.internal;

import java.io.IOException;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

/**
 * Where the events go: the NATS servers, the login (user and password, or a token) and the JetStream
 * stream. A connection does not reconnect by itself: its owner's loop does, with its own back-off, so
 * that a broken connection shows as a failure there and nothing waits in the client's buffers.
 */
record Broker(String[] servers, String user, String password, String token, String stream) {

    /** The stream's window of message ids: a publish repeated within it is stored once. */
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(1);
    /** JetStream's "stream not found". */
    private static final int STREAM_NOT_FOUND = 10059;

    /** The client's own reports (to java.util.logging) repeat the failures its caller logs once. */
    private static final ErrorListener QUIET = new ErrorListener() { };

    Connection connect(String name) throws IOException, InterruptedException {
        Options.Builder o = new Options.Builder().servers(servers).connectionName(name).connectionTimeout(Duration.ofSeconds(5))
                .noReconnect().errorListener(QUIET);
        if (!token.isEmpty()) o.token(token.toCharArray());
        else if (!user.isEmpty()) o.userInfo(user.toCharArray(), password.toCharArray());
        return Nats.connect(o.build());
    }

    /** Makes the stream of every school's events where the broker has none yet. */
    void ensureStream(Connection c) throws IOException, JetStreamApiException {
        JetStreamManagement m = c.jetStreamManagement();
        try {
            m.getStreamInfo(stream);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) throw e;
            m.addStream(StreamConfiguration.builder().name(stream).subjects(Envelope.SUBJECTS).storageType(StorageType.File)
                    .duplicateWindow(DUPLICATE_WINDOW).build());
        }
    }

    /** "nats://a:4222, nats://b:4222" as the servers' list. */
    static String[] servers(String list) {
        return list.trim().split("\\s*,\\s*");
    }
}
