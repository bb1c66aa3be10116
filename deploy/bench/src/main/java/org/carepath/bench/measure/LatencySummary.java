package org.carepath.bench.measure;

import org.HdrHistogram.Histogram;

/** The figures the report prints for one histogram of latencies, in milliseconds. */
public record LatencySummary(long count, double p50Millis, double p99Millis, double maxMillis) {

    private static final double MICROS_PER_MILLI = 1_000.0;

    public static LatencySummary empty() {
        return new LatencySummary(0, 0, 0, 0);
    }

    /** @param micros a histogram of latencies in microseconds */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return empty();
        }
        return new LatencySummary(
                micros.getTotalCount(),
                micros.getValueAtPercentile(50) / MICROS_PER_MILLI,
                micros.getValueAtPercentile(99) / MICROS_PER_MILLI,
                micros.getMaxValue() / MICROS_PER_MILLI);
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
