package org.yike.district.events.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;

/**
 * Sends the outbox's unsent events to JetStream, oldest first, on a thread of its own. Each publish
 * carries the event id as Nats-Msg-Id, so a publish repeated after a lost ack is stored once; a row is
 * marked sent only after the ack. A failure stops the round at that event (order is kept), the
 * connection is dropped and the next round comes after a back-off that doubles up to its maximum.
 */
final class Relay {

    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    private static final int BATCH = 100;
    /** How often the outbox is looked at without a new event, and sent rows pruned. */
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final Broker broker;
    private final Duration firstBackOff;
    private final Duration maxBackOff;
    private final Duration keepSent;
    private final Clock clock;
    private final Semaphore work = new Semaphore(0);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private Connection connection;
    private String lastFailure;

    Relay(Outbox outbox, Broker broker, Duration firstBackOff, Duration maxBackOff, Duration keepSent, Clock clock) {
        this.outbox = outbox;
        this.broker = broker;
        this.firstBackOff = firstBackOff;
        this.maxBackOff = maxBackOff;
        this.keepSent = keepSent;
        this.clock = clock;
        this.thread = new Thread(this::run, "yike-district-relay");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** A new event is in the outbox: send it now rather than at the next idle look. */
    void wake() {
        work.release();
    }

    /**
     * Stops after the publish or connect under way (never interrupted: an interrupt in Derby's calls
     * closes the outbox's connection).
     */
    void close() throws InterruptedException {
        stop.countDown();
        work.release();
        thread.join(15_000);
        disconnect();
    }

    private void run() {
        Duration backOff = firstBackOff;
        long nextPrune = 0;
        while (stop.getCount() > 0) {
            try {
                int sent = round();
                if (lastFailure != null) LOG.info("District broker reached again: the outbox is being sent");
                lastFailure = null;
                backOff = firstBackOff;
                long now = clock.millis();
                if (now >= nextPrune) {
                    int pruned = outbox.prune(now - keepSent.toMillis());
                    if (pruned > 0) LOG.info("Outbox: {} events sent more than {} days ago pruned", pruned, keepSent.toDays());
                    nextPrune = now + IDLE.toMillis();
                }
                if (sent < BATCH && work.tryAcquire(IDLE.toMillis(), TimeUnit.MILLISECONDS)) work.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (stop.getCount() == 0) return;
                String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!why.equals(lastFailure)) LOG.warn("Outbox not sent, retrying (back-off up to {}): {}", maxBackOff, why);
                lastFailure = why;
                disconnect();
                try {
                    if (stop.await(backOff.toMillis(), TimeUnit.MILLISECONDS)) return;
                } catch (InterruptedException stopped) {
                    return;
                }
                backOff = backOff.multipliedBy(2).compareTo(maxBackOff) > 0 ? maxBackOff : backOff.multipliedBy(2);
            }
        }
    }

    /** Sends one batch of unsent events in order; answers how many. */
    private int round() throws Exception {
        List<Envelope> batch = outbox.unsent(BATCH);
        if (batch.isEmpty()) return 0;
        JetStream js = connection().jetStream();
        for (Envelope e : batch) {
            js.publish(e.subject(), e.bytes(), PublishOptions.builder().messageId(e.eventId()).expectedStream(broker.stream()).build());
            outbox.sent(e.eventId(), clock.millis());
        }
        return batch.size();
    }

    private Connection connection() throws Exception {
        if (connection == null || connection.getStatus() != Connection.Status.CONNECTED) {
            disconnect();
            connection = broker.connect("yike-relay");
            broker.ensureStream(connection);
        }
        return connection;
    }

    private void disconnect() {
        Connection c = connection;
        connection = null;
        if (c == null) return;
        try {
            c.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
