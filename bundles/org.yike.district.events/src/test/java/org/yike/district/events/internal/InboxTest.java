package org.yike.district.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.yike.district.events.internal.UplinkTest.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.yike.catalog.fixture.MigratedDatabase;
import org.yike.lib.sql.Rows;

import io.nats.client.Connection;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;

/**
 * The district's side against a real nats-server and a real Derby: each event applied once though it
 * comes twice, across a restart of the consumer; and a school's events, kept while the broker was down,
 * reach the district's tables in order.
 */
public class InboxTest {

    @Rule
    public MigratedDatabase school = new MigratedDatabase();
    @Rule
    public MigratedDatabase district = new MigratedDatabase();
    @Rule
    public NatsServer broker = new NatsServer();

    private Inbox inbox;
    private Uplink uplink;

    @After
    public void close() throws InterruptedException {
        if (uplink != null) uplink.close();
        if (inbox != null) inbox.close();
    }

    private Inbox inbox() throws Exception {
        return new Inbox(district.dataSource(), Configs.of(InboxConfig.class, Map.of("enabled", true, "servers", broker.url(),
                "maxBackOffSeconds", 1, "ackWaitSeconds", 1)), Duration.ofMillis(100), Clock.systemUTC());
    }

    /**
     * The district stopped after applying an event but before its ack: the broker delivers it again
     * (after the ack wait) and the inbox acks it without applying it twice.
     */
    @Test
    public void anEventDeliveredAgainAfterItsAckWasLostIsAppliedOnce() throws Exception {
        Envelope finished = new Envelope("7d1c0e52-0000-4000-8000-000000000004", "school-a", "org/yike/recording/STOPPED", 1000,
                Envelope.payload(Map.of("recording", "20261208-090000-102", "classroom", "102")));
        broker.start();
        inbox = inbox();
        try (Connection c = Nats.connect(broker.url())) {
            await("the inbox's durable consumer", () -> {
                try {
                    return c.jetStreamManagement().getConsumerInfo("YIKE_EVENTS", "yike-district") != null;
                } catch (Exception notYet) {
                    return false;
                }
            });
            inbox.close();
            inbox = null;
            c.jetStream().publish(finished.subject(), finished.bytes(), PublishOptions.builder().messageId(finished.eventId()).build());
            // what the inbox does up to the commit, its ack lost
            JetStreamSubscription taken = c.jetStream().subscribe(null, PullSubscribeOptions.bind("YIKE_EVENTS", "yike-district"));
            List<Message> first = taken.fetch(1, Duration.ofSeconds(5));
            assertEquals(1, first.size());
            assertTrue(new DistrictEvents(district.dataSource()).apply(Envelope.read(first.get(0).getData()),
                    first.get(0).metaData().streamSequence(), 1));
            taken.unsubscribe();

            inbox = inbox();
            await("delivered again and acked", () -> {
                var consumer = c.jetStreamManagement().getConsumerInfo("YIKE_EVENTS", "yike-district");
                return consumer.getDelivered().getConsumerSequence() == 2 && consumer.getNumAckPending() == 0;
            });
        }
        assertEquals(1, count("SELECT COUNT(*) FROM applied_event"));
        assertEquals(1, count("SELECT COUNT(*) FROM district_event"));
    }

    private long count(String sql, Object... params) throws Exception {
        try (Rows rows = new Rows(district.dataSource().getConnection())) {
            return rows.query(sql, r -> r.getLong(1), params).get(0);
        }
    }

    @Test
    public void anEventThatComesTwiceIsAppliedOnce() throws Exception {
        Envelope finished = new Envelope("7d1c0e52-0000-4000-8000-000000000001", "school-a", "org/yike/recording/STOPPED", 1000,
                Envelope.payload(Map.of("recording", "20261208-080000-101", "classroom", "101")));
        Envelope published = new Envelope("7d1c0e52-0000-4000-8000-000000000002", "school-a", "org/yike/catalog/REVIEWED", 2000,
                Envelope.payload(Map.of("lesson", "20261208-080000-101", "state", "PUBLISHED")));
        broker.start();
        inbox = inbox();
        try (Connection c = Nats.connect(broker.url())) {
            await("the stream made by the inbox", () -> {
                try {
                    c.jetStreamManagement().getStreamInfo("YIKE_EVENTS");
                    return true;
                } catch (Exception notYet) {
                    return false;
                }
            });
            // the same event under two message ids, as after the broker's window of ids: two deliveries
            c.jetStream().publish(finished.subject(), finished.bytes(), PublishOptions.builder().messageId("first").build());
            c.jetStream().publish(finished.subject(), finished.bytes(), PublishOptions.builder().messageId("again").build());
            await("the first event applied", () -> count("SELECT COUNT(*) FROM applied_event") == 1);

            inbox.close();
            inbox = inbox();
            c.jetStream().publish(published.subject(), published.bytes(), PublishOptions.builder().messageId("third").build());
            c.jetStream().publish(finished.subject(), finished.bytes(), PublishOptions.builder().messageId("fourth").build());
            await("all four acked", () -> {
                var consumer = c.jetStreamManagement().getConsumerInfo("YIKE_EVENTS", "yike-district");
                return consumer.getNumPending() == 0 && consumer.getNumAckPending() == 0 && consumer.getDelivered().getStreamSequence() == 4;
            });
        }
        assertEquals(2, count("SELECT COUNT(*) FROM applied_event"));
        assertEquals(2, count("SELECT COUNT(*) FROM district_event WHERE school = 'school-a'"));
        try (Rows rows = new Rows(district.dataSource().getConnection())) {
            assertEquals(List.of("101 1000 PUBLISHED"), rows.query("SELECT classroom, finished, review_state FROM district_lesson"
                    + " WHERE school = 'school-a' AND lesson_id = '20261208-080000-101'",
                    r -> r.getString(1) + " " + r.getLong(2) + " " + r.getString(3)));
        }
    }

    @Test
    public void aSchoolsEventsKeptWhileTheBrokerWasDownReachTheDistrictInOrder() throws Exception {
        uplink = new Uplink(school.dataSource(), Configs.of(UplinkConfig.class, Map.of("enabled", true, "school", "school-c",
                "servers", broker.url(), "maxBackOffSeconds", 1)), Duration.ofMillis(100), Clock.systemUTC());
        for (int n = 0; n < 30; n++) {
            uplink.handleEvent(new Event("org/yike/recording/STOPPED", Map.of("recording", "lesson-" + n, "classroom", "10" + n % 3)));
        }
        broker.start();
        inbox = inbox();
        await("30 events at the district", () -> count("SELECT COUNT(*) FROM district_event") == 30);
        try (Rows rows = new Rows(district.dataSource().getConnection())) {
            List<String> payloads = rows.query("SELECT payload FROM district_event WHERE school = 'school-c' ORDER BY stream_seq",
                    r -> r.getString(1));
            for (int n = 0; n < 30; n++) assertEquals("lesson-" + n, Envelope.JSON.readTree(payloads.get(n)).get("recording").asText());
        }
        assertEquals(30, count("SELECT COUNT(*) FROM district_lesson WHERE school = 'school-c' AND finished IS NOT NULL"));
    }
}
