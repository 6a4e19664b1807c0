package org.yike.publish.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Time windows, the bandwidth limit, sealed secrets, retry pauses and masking. */
public class SmallPartsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aWindowAcrossMidnight() {
        TimeWindow night = TimeWindow.parse("18:00-07:00");
        assertTrue(night.contains(LocalTime.of(23, 0)));
        assertTrue(night.contains(LocalTime.of(6, 59)));
        assertFalse(night.contains(LocalTime.of(7, 0)));
        assertFalse(night.contains(LocalTime.of(12, 0)));
        assertTrue(TimeWindow.parse("").contains(LocalTime.NOON));
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse("evening"));
    }

    @Test
    public void theLimitHoldsTheRate() throws Exception {
        AtomicLong counted = new AtomicLong();
        long start = System.nanoTime();
        try (InputStream in = new Throttle(new ByteArrayInputStream(new byte[500_000]), 4_000_000, () -> true, "", counted::addAndGet)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(500_000, counted.get());
        assertTrue("500 kB at 4 Mbit/s takes 1 s, took " + seconds, seconds >= 0.95 && seconds < 1.6);
    }

    @Test
    public void aClosedWindowStopsTheTransfer() {
        Throttle in = new Throttle(new ByteArrayInputStream(new byte[10]), 0, () -> false, "waiting for the time window", n -> {
        });
        Throttle.Stopped e = assertThrows(Throttle.Stopped.class, () -> in.read(new byte[10]));
        assertEquals("waiting for the time window", e.getMessage());
    }

    @Test
    public void secretsAreSealedUnderAnOwnerOnlyKey() throws Exception {
        Path key = tmp.getRoot().toPath().resolve("publish/secret.key");
        String sealed = new Sealed(key).seal("s3cret-pw");
        assertTrue(sealed.startsWith("sealed:"));
        assertFalse(sealed.contains("s3cret"));
        assertEquals("s3cret-pw", new Sealed(key).open(sealed));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertThrows(IllegalStateException.class, () -> new Sealed(tmp.getRoot().toPath().resolve("other.key")).open(sealed));
    }

    @Test
    public void pausesDoubleUpToTheLongest() {
        Queue.Retry r = new Queue.Retry(Duration.ofSeconds(10), Duration.ofSeconds(60), 0);
        assertEquals(Duration.ofSeconds(10), r.after(1));
        assertEquals(Duration.ofSeconds(40), r.after(3));
        assertEquals(Duration.ofSeconds(60), r.after(30));
    }

    @Test
    public void aServerRepeatingThePasswordIsMasked() {
        Queue.Destination d = new Queue.Destination("t", null, Map.of("password", "pw-123"), Set.of("password"));
        assertEquals("530 login pw-123 refused".replace("pw-123", "***"), Queue.masked("530 login pw-123 refused", d));
    }
}
