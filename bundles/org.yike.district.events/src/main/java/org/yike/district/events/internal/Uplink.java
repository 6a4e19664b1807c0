package org.yike.district.events.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The school's side: the events the district needs go into the outbox (in the runtime's database, so a
 * school offline for days loses none) on EventAdmin's thread, and the relay sends them on its own.
 * Idle until configured and switched on.
 */
// immediate: the relay sends what waits in the outbox from the start, not from the first new event
@Component(configurationPid = "org.yike.district.uplink", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = UplinkConfig.class)
public class Uplink implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Uplink.class);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final Relay relay;
    private final String school;
    private final Clock clock;

    @Activate
    public Uplink(@Reference(target = "(yike.database=catalog)") DataSource database, UplinkConfig config) throws SQLException {
        this(database, config, FIRST_BACK_OFF, Clock.systemUTC());
    }

    Uplink(DataSource database, UplinkConfig config, Duration firstBackOff, Clock clock) throws SQLException {
        this.school = config.school();
        this.clock = clock;
        if (!config.enabled()) {
            outbox = null;
            relay = null;
            return;
        }
        if (school == null || school.isBlank()) throw new IllegalArgumentException("the district uplink needs the school's id");
        outbox = new Outbox(database);
        relay = new Relay(outbox, new Broker(Broker.servers(config.servers()), config.user(), config.password(), config.token(),
                config.stream()), firstBackOff, Duration.ofSeconds(config.maxBackOffSeconds()), Duration.ofDays(config.keepSentDays()), clock);
        relay.start();
        LOG.info("District uplink of school {} to {} (stream {}): {} events waiting", school, config.servers(), config.stream(),
                outbox.unsentCount());
    }

    @Deactivate
    void close() throws InterruptedException {
        if (relay == null) return;
        relay.close();
    }

    /** Writes the event to the outbox and wakes the relay; never waits on the broker. */
    @Override
    public void handleEvent(Event event) {
        if (outbox == null) return;
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!name.equals(EventConstants.EVENT_TOPIC)) properties.put(name, plain(event.getProperty(name)));
        }
        try {
            outbox.add(event.getTopic(), school, Envelope.payload(properties), clock.millis());
            relay.wake();
        } catch (SQLException e) {
            LOG.error("Event {} not kept for the district: {}", event.getTopic(), e.getMessage());
        }
    }

    /** Text, numbers, booleans and lists of them as they are; anything else as its text. */
    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) return v;
        if (v instanceof Collection<?> c) return c.stream().map(Uplink::plain).toList();
        if (v instanceof Object[] a) return Arrays.stream(a).map(Uplink::plain).toList();
        return v.toString();
    }

    /** How many events wait to be sent (the tests'). */
    long waiting() throws SQLException {
        return outbox.unsentCount();
    }
}
