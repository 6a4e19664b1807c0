package org.yike.district.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.yike.catalog.fixture.MigratedDatabase;
import org.yike.catalog.fixture.MigratedDatabase.Engine;
import org.yike.lib.sql.Rows;

/**
 * The outbox's and the district's tables (migration V11) on Derby and on PostgreSQL: unsent events
 * oldest first, in batches, only old sent ones pruned, the numbering going on after a restart; an event
 * applied once, a lesson's row brought up to date by its events.
 */
@RunWith(Parameterized.class)
public class TablesTest {

    @Rule
    public final MigratedDatabase database;

    @Parameters(name = "{0}")
    public static Engine[] engines() {
        return Engine.values();
    }

    public TablesTest(Engine engine) {
        database = new MigratedDatabase(engine);
    }

    @Test
    public void unsentInOrderAndOnlyOldSentPruned() throws Exception {
        long day = Duration.ofDays(1).toMillis();
        Outbox outbox = new Outbox(database.dataSource());
        for (int n = 0; n < 5; n++) outbox.add("org/yike/recording/STOPPED", "school-a", Envelope.payload(Map.of("n", n)), n);
        List<Envelope> first = outbox.unsent(3);
        assertEquals(List.of(0, 1, 2), first.stream().map(e -> e.payload().get("n").asInt()).toList());
        outbox.sent(first.get(0).eventId(), 0);
        outbox.sent(first.get(1).eventId(), 10 * day);
        assertEquals("sent 8 days before: only the first", 1, outbox.prune(8 * day));
        assertEquals(List.of(2, 3, 4), outbox.unsent(100).stream().map(e -> e.payload().get("n").asInt()).toList());
        assertEquals(3, outbox.unsentCount());

        Outbox again = new Outbox(database.dataSource());
        again.add("org/yike/recording/STOPPED", "school-a", Envelope.payload(Map.of("n", 5)), 5);
        assertEquals("numbers go on after a restart", List.of(2, 3, 4, 5),
                again.unsent(100).stream().map(e -> e.payload().get("n").asInt()).toList());
    }

    @Test
    public void anEventIsAppliedOnceAndALessonFollowsItsEvents() throws Exception {
        Envelope finished = new Envelope("7d1c0e52-0000-4000-8000-000000000003", "school-b", "org/yike/recording/STOPPED", 5,
                Envelope.payload(Map.of("recording", "20261208-080000-201", "classroom", "201")));
        Envelope published = new Envelope("7d1c0e52-0000-4000-8000-000000000005", "school-b", "org/yike/catalog/REVIEWED", 6,
                Envelope.payload(Map.of("lesson", "20261208-080000-201", "state", "PUBLISHED")));
        DistrictEvents events = new DistrictEvents(database.dataSource());
        assertTrue(events.apply(finished, 1, 10));
        assertFalse("again", events.apply(finished, 2, 11));
        assertTrue(events.apply(published, 3, 12));
        try (Rows rows = new Rows(database.dataSource().getConnection())) {
            assertEquals(List.of(2L), rows.query("SELECT COUNT(*) FROM district_event WHERE school = 'school-b'", r -> r.getLong(1)));
            assertEquals(List.of("201 5 PUBLISHED 12"), rows.query("SELECT classroom, finished, review_state, updated FROM district_lesson",
                    r -> r.getString(1) + " " + r.getLong(2) + " " + r.getString(3) + " " + r.getLong(4)));
        }
    }
}
