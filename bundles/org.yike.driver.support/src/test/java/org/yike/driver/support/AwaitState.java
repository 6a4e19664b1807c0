package org.yike.driver.support;

import org.yike.api.device.DeviceStatus;
import org.yike.api.device.DeviceStatus.State;

/** The watches' tests wait for a state so. */
final class AwaitState {

    private AwaitState() {
    }

    /** The watch's status once it is in {@code state}; fails with the last status after {@code millis}. */
    static DeviceStatus await(DeviceWatch watch, State state, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (watch.status().state() != state) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("still " + watch.status());
            Thread.sleep(20);
        }
        return watch.status();
    }
}
