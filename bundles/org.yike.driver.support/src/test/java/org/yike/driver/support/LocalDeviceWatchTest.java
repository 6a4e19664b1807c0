package org.yike.driver.support;

import static org.junit.Assert.assertEquals;
import static org.yike.driver.support.AwaitState.await;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.DeviceStatus.State;

public class LocalDeviceWatchTest {

    /** A device whose presence and answer the test sets, counting the opens. */
    private static final class Local implements LocalDeviceWatch.Local {
        final AtomicReference<String> absence = new AtomicReference<>("");
        final AtomicReference<IOException> failure = new AtomicReference<>();
        final AtomicInteger opens = new AtomicInteger();

        @Override
        public String absence() {
            return absence.get();
        }

        @Override
        public String open() throws IOException {
            opens.incrementAndGet();
            if (failure.get() != null) throw failure.get();
            return "mjpeg 1280x720 25 fps";
        }
    }

    @Test
    public void anOnlineDeviceWhoseNodeIsThereIsNotOpenedAgain() throws Exception {
        Local local = new Local();
        try (LocalDeviceWatch watch = new LocalDeviceWatch("cam1", "/dev/video0", local, Duration.ofMillis(100), "test-")) {
            watch.start();
            assertEquals(new DeviceStatus(State.ONLINE, "mjpeg 1280x720 25 fps"), await(watch, State.ONLINE, 2000));
            Thread.sleep(500); // five checks, none of which may open it again: absence cannot be awaited
            assertEquals(1, local.opens.get());
            local.absence.set("no device at /dev/video0");
            assertEquals(DeviceStatus.offline("no device at /dev/video0"), await(watch, State.OFFLINE, 2000));
            local.absence.set("");
            await(watch, State.ONLINE, 2000);
            assertEquals("opened again once it was back", 2, local.opens.get());
        }
    }

    @Test
    public void busyAfterItWasOnlineIsInUseBusyFromTheStartIsOffline() throws Exception {
        Local local = new Local();
        local.absence.set(null); // only opening tells, as for an ALSA device that names no card
        try (LocalDeviceWatch watch = new LocalDeviceWatch("mic1", "default", local, Duration.ofMillis(100), "test-")) {
            watch.start();
            await(watch, State.ONLINE, 2000);
            local.failure.set(new LocalDeviceWatch.Busy("hw:1,0 is held by process 42"));
            long deadline = System.currentTimeMillis() + 2000;
            while (!watch.status().reason().startsWith("in use")) {
                if (System.currentTimeMillis() > deadline) throw new AssertionError("still " + watch.status());
                Thread.sleep(20);
            }
            assertEquals(new DeviceStatus(State.ONLINE, "in use: hw:1,0 is held by process 42"), watch.status());
        }
        try (LocalDeviceWatch watch = new LocalDeviceWatch("mic1", "default", local, Duration.ofMillis(100), "test-")) {
            watch.start();
            assertEquals(DeviceStatus.offline("hw:1,0 is held by process 42"), await(watch, State.OFFLINE, 2000));
        }
    }

    @Test
    public void aFailedOpenIsTriedAgainWithBackoffAndAMissingNodeEverySecond() throws Exception {
        Local local = new Local();
        local.failure.set(new IOException("cannot open /dev/video0: Input/output error"));
        try (LocalDeviceWatch watch = new LocalDeviceWatch("cam1", "/dev/video0", local, Duration.ofMillis(100), "test-")) {
            watch.start();
            assertEquals(DeviceStatus.offline("cannot open /dev/video0: Input/output error"), await(watch, State.OFFLINE, 2000));
            Thread.sleep(2500); // tries at 0, 1 and 3 s
            assertEquals(2, local.opens.get());
        }
    }
}
