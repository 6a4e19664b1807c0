package org.yike.driver.support;

import java.time.Duration;

/** How long a driver waits before asking a camera that did not answer again: 1 s, 2 s, 4 s… up to 60 s. */
public final class Backoff {

    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration LONGEST = Duration.ofSeconds(60);

    private Backoff() {
    }

    /** The wait after {@code retry}: twice as long, at most {@link #LONGEST}. */
    public static Duration after(Duration retry) {
        Duration doubled = retry.multipliedBy(2);
        return doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
    }
}
