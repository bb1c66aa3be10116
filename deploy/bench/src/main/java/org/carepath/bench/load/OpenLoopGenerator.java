package org.carepath.bench.load;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Calls a sender once per message of an {@link OpenLoopSchedule}, each at (or, when this thread falls behind, as
 * soon as possible after) its intended time, handing it that intended time. The sender must not block for long:
 * it starts an asynchronous send and returns.
 */
public final class OpenLoopGenerator {

    /** Starts sending message {@code index}, whose latency counts from {@code intendedNanos}. */
    @FunctionalInterface
    public interface Sender {
        void send(int index, long intendedNanos);
    }

    private static final long MAX_PARK_NANOS = 50_000_000;

    private final LongSupplier nanoClock;
    private final BooleanSupplier stopping;

    public OpenLoopGenerator(LongSupplier nanoClock, BooleanSupplier stopping) {
        this.nanoClock = nanoClock;
        this.stopping = stopping;
    }

    public static OpenLoopGenerator systemClock(BooleanSupplier stopping) {
        return new OpenLoopGenerator(System::nanoTime, stopping);
    }

    /** @return how many messages were handed to the sender: all of them, unless the bench is stopping */
    public int run(OpenLoopSchedule schedule, long startNanos, Sender sender) {
        int count = schedule.count();
        for (int index = 0; index < count; index++) {
            long intended = schedule.intendedNanos(startNanos, index);
            if (!waitUntil(intended)) {
                return index;
            }
            sender.send(index, intended);
        }
        return count;
    }

    private boolean waitUntil(long intendedNanos) {
        while (true) {
            if (stopping.getAsBoolean()) {
                return false;
            }
            long remaining = intendedNanos - nanoClock.getAsLong();
            if (remaining <= 0) {
                return true;
            }
            LockSupport.parkNanos(Math.min(remaining, MAX_PARK_NANOS));
        }
    }
}
