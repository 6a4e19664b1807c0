package org.yike.district.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.osgi.service.event.Event;
import org.yike.catalog.fixture.MigratedDatabase;
import org.yike.lib.sql.Rows;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.MessageInfo;

/**
 * The school's side against a real nats-server and a real Derby: events written while the broker is
 * down all reach the stream once it runs, in order, none twice, across a restart of the relay and
 * publishes repeated as if their acks were lost; and EventAdmin's thread never waits on the broker.
 */
public class UplinkTest {

    private static final String STREAM = "YIKE_EVENTS";

    @Rule
    public MigratedDatabase database = new MigratedDatabase();
    @Rule
    public NatsServer broker = new NatsServer();

    private Uplink uplink;

    @After
    public void close() throws InterruptedException {
        if (uplink != null) uplink.close();
    }

    private Uplink uplink(String servers) throws Exception {
        return new Uplink(database.dataSource(), Configs.of(UplinkConfig.class, Map.of("enabled", true, "school", "school-a",
                "servers", servers, "maxBackOffSeconds", 1)), Duration.ofMillis(100), Clock.systemUTC());
    }

    private static Event lessonFinished(int n) {
        return new Event("org/yike/recording/STOPPED", Map.of("recording", "lesson-" + n, "classroom", "101", "n", n));
    }

    @Test
    public void eventsKeptWhileTheBrokerIsDownArriveOnceInOrder() throws Exception {
        uplink = uplink(broker.url());
        for (int n = 0; n < 20; n++) uplink.handleEvent(lessonFinished(n));
        assertEquals("all 20 wait while the broker is down", 20, uplink.waiting());

        broker.start();
        await("the first 20 sent", () -> uplink.waiting() == 0);

        broker.stop();
        for (int n = 20; n < 40; n++) uplink.handleEvent(lessonFinished(n));
        uplink.close();
        // as if the broker's acks of the first five had been lost: they go again, first
        try (Rows rows = new Rows(database.dataSource().getConnection())) {
            assertEquals(5, rows.update("UPDATE outbox_event SET sent = NULL WHERE seq <= 5"));
        }
        uplink = uplink(broker.url());
        assertEquals(25, uplink.waiting());
        broker.start();
        await("the rest sent by a new relay", () -> uplink.waiting() == 0);

        List<Integer> order = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Connection c = Nats.connect(broker.url())) {
            JetStreamManagement m = c.jetStreamManagement();
            long count = m.getStreamInfo(STREAM).getStreamState().getMsgCount();
            assertEquals("each event stored once", 40, count);
            for (long seq = 1; seq <= count; seq++) {
                MessageInfo message = m.getMessage(STREAM, seq);
                assertEquals("yike.school-a.recording.STOPPED", message.getSubject());
                Envelope e = Envelope.read(message.getData());
                order.add(e.payload().get("n").asInt());
                assertTrue("event id once: " + e.eventId(), ids.add(e.eventId()));
                assertEquals(e.eventId(), message.getHeaders().getFirst("Nats-Msg-Id"));
                assertEquals("school-a", e.school());
                assertEquals("lesson-" + order.get(order.size() - 1), e.text("recording"));
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < 40; n++) expected.add(n);
        assertEquals("in the order they happened", expected, order);
    }

    /** A broker that takes connections and never answers holds the relay in its connect; events still go into the outbox at once. */
    @Test
    public void theEventAdminThreadNeverWaitsOnTheBroker() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            uplink = uplink("nats://127.0.0.1:" + silent.getLocalPort());
            uplink.handleEvent(lessonFinished(-1));
            await("the relay connecting to the silent broker", () -> !held.isEmpty());

            long start = System.nanoTime();
            for (int n = 0; n < 50; n++) uplink.handleEvent(lessonFinished(n));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue("50 events took " + took + " ms while the relay waits up to 5 s on its connect", took < 2000);
            assertEquals(51, uplink.waiting());
            for (Socket s : held) s.close();
        }
    }

    interface Condition {
        boolean met() throws Exception;
    }

    static void await(String what, Condition c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!c.met()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 30 s: " + what);
            Thread.sleep(50);
        }
    }
}
