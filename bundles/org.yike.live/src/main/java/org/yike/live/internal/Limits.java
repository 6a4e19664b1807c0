package org.yike.live.internal;

import java.time.Duration;

/**
 * {@link LiveSettings} checked: the packets a stream's subscription holds, how far behind a viewer may
 * fall before it is closed, the HLS segments' length and how many the playlist lists, and how long an
 * HLS stream goes on after its playlist was last read.
 */
record Limits(int queuePackets, Duration behind, int hlsSegmentSeconds, int hlsListSize, Duration hlsIdle) {

    static final String PID = "org.yike.live";

    Limits {
        if (queuePackets < 1 || behind.isNegative() || behind.isZero() || hlsSegmentSeconds < 1 || hlsListSize < 1
                || hlsIdle.isNegative() || hlsIdle.isZero()) {
            throw new IllegalArgumentException("live settings must all be positive: " + queuePackets + ", " + behind + ", "
                    + hlsSegmentSeconds + ", " + hlsListSize + ", " + hlsIdle);
        }
    }

    static Limits of(LiveSettings s) {
        return new Limits(s.queuePackets(), Duration.ofSeconds(s.behindSeconds()), s.hlsSegmentSeconds(), s.hlsListSize(),
                Duration.ofSeconds(s.hlsIdleSeconds()));
    }
}
