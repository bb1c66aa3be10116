package org.carepath.bench.load;

import java.time.Duration;

/**
 * When each message of one open-loop step is meant to go out: message {@code i} at {@code start + i / rate},
 * whatever happened to the messages before it. Latency is measured from that intended time, so a stalled
 * system cannot hide its stall by slowing the sender down (no coordinated omission).
 */
public record OpenLoopSchedule(double ratePerSecond, Duration window) {

    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    public OpenLoopSchedule {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number, not " + ratePerSecond);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive, not " + window);
        }
    }

    /** How many messages fall inside the window: the last one is intended strictly before its end. */
    public int count() {
        double exact = ratePerSecond * window.toNanos() / NANOS_PER_SECOND;
        long nearest = Math.round(exact);
        // 0.1/s for 30 s is 3.0000000000000004 in doubles: that is 3 messages, not 4
        long whole = Math.abs(exact - nearest) < 1e-9 ? nearest : (long) Math.ceil(exact);
        return (int) Math.min(Integer.MAX_VALUE, whole);
    }

    /** Nanoseconds from the start of the step at which message {@code index} is intended to go out. */
    public long intendedOffsetNanos(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("no message has index " + index);
        }
        return Math.round(index * NANOS_PER_SECOND / ratePerSecond);
    }

    /** The intended send time of message {@code index}, on the {@link System#nanoTime()} scale of {@code start}. */
    public long intendedNanos(long startNanos, int index) {
        return startNanos + intendedOffsetNanos(index);
    }
}
