package org.yike.district.events.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;

/**
 * The district's side: a durable JetStream consumer of every school's events. Each message is applied
 * in one transaction with its id and acked after the commit; one applied before (a redelivery, a
 * publish repeated outside the broker's window) is acked and ignored. A message that is no school event
 * is terminated, never redelivered. Idle until configured and switched on.
 */
@Component(configurationPid = "org.yike.district.inbox", configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = InboxConfig.class)
public class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final int BATCH = 100;

    private final DistrictEvents events;
    private final Broker broker;
    private final String durable;
    private final Duration firstBackOff;
    private final Duration maxBackOff;
    /** How long a delivery may stay unacked before the broker delivers it again. */
    private final Duration ackWait;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    @Activate
    public Inbox(@Reference(target = "(yike.database=catalog)") DataSource database, InboxConfig config) {
        this(database, config, Duration.ofSeconds(1), Clock.systemUTC());
    }

    Inbox(DataSource database, InboxConfig config, Duration firstBackOff, Clock clock) {
        this.durable = config.durable();
        this.firstBackOff = firstBackOff;
        this.maxBackOff = Duration.ofSeconds(config.maxBackOffSeconds());
        this.ackWait = Duration.ofSeconds(config.ackWaitSeconds());
        this.clock = clock;
        this.broker = new Broker(Broker.servers(config.servers()), config.user(), config.password(), config.token(), config.stream());
        if (!config.enabled()) {
            events = null;
            thread = null;
            return;
        }
        events = new DistrictEvents(database);
        thread = new Thread(this::run, "yike-district-inbox");
        thread.setDaemon(true);
        thread.start();
        LOG.info("District inbox: consumer {} of stream {} at {}", durable, config.stream(), config.servers());
    }

    @Deactivate
    void close() throws InterruptedException {
        if (thread == null) return;
        // no interrupt: one in Derby's calls closes the connection; the fetch under way ends within a second
        stop.countDown();
        thread.join(15_000);
    }

    private void run() {
        Duration backOff = firstBackOff;
        String lastFailure = null;
        while (stop.getCount() > 0) {
            try (Connection c = broker.connect("yike-district")) {
                broker.ensureStream(c);
                JetStreamSubscription sub = c.jetStream().subscribe(Envelope.SUBJECTS, PullSubscribeOptions.builder()
                        .stream(broker.stream()).durable(durable).configuration(ConsumerConfiguration.builder()
                                .ackPolicy(AckPolicy.Explicit).deliverPolicy(DeliverPolicy.All).ackWait(ackWait).build())
                        .build());
                if (lastFailure != null) LOG.info("District broker reached again");
                lastFailure = null;
                backOff = firstBackOff;
                while (stop.getCount() > 0) {
                    if (c.getStatus() != Connection.Status.CONNECTED) throw new IOException("connection " + c.getStatus());
                    for (Message m : sub.fetch(BATCH, Duration.ofSeconds(1))) take(m);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (stop.getCount() == 0) return; // the connection may go first while stopping
                String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!why.equals(lastFailure)) LOG.warn("District inbox: {}; retrying (back-off up to {})", why, maxBackOff);
                lastFailure = why;
                try {
                    if (stop.await(backOff.toMillis(), TimeUnit.MILLISECONDS)) return;
                } catch (InterruptedException stopped) {
                    return;
                }
                backOff = backOff.multipliedBy(2).compareTo(maxBackOff) > 0 ? maxBackOff : backOff.multipliedBy(2);
            }
        }
    }

    /** Applies a delivery and acks it; a database failure leaves it unacked, to come again. */
    private void take(Message m) throws SQLException {
        Envelope e;
        try {
            e = Envelope.read(m.getData());
        } catch (IOException notOurs) {
            LOG.warn("District inbox: {} is no school event, dropped: {}", m.getSubject(), notOurs.getMessage());
            m.term();
            return;
        }
        if (!events.apply(e, m.metaData().streamSequence(), clock.millis())) LOG.debug("Event {} applied before", e.eventId());
        m.ack();
    }
}
