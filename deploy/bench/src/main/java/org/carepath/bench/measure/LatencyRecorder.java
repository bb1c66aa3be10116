package org.carepath.bench.measure;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** One HdrHistogram of latencies, kept in microseconds (3 significant digits, up to one hour). */
public final class LatencyRecorder {

    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    public void recordNanos(long nanos) {
        long micros = TimeUnit.NANOSECONDS.toMicros(Math.max(0, nanos));
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    public LatencySummary summary() {
        return LatencySummary.of(histogram);
    }
}
