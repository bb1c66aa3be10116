package org.carepath.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void summarisesMicrosecondsAsMilliseconds() {
        Histogram micros = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        for (int millis = 1; millis <= 100; millis++) {
            micros.recordValue(millis * 1_000L);
        }

        LatencySummary summary = LatencySummary.of(micros);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Millis()).isCloseTo(50, within(0.1));
        assertThat(summary.p99Millis()).isCloseTo(99, within(0.1));
        assertThat(summary.maxMillis()).isCloseTo(100, within(0.1));
    }

    @Test
    void oneSlowEpisodeInAHundredIsTheP99() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 0; i < 98; i++) {
            recorder.recordNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        recorder.recordNanos(TimeUnit.SECONDS.toNanos(5));
        recorder.recordNanos(TimeUnit.SECONDS.toNanos(6));

        LatencySummary summary = recorder.summary();

        assertThat(summary.p50Millis()).isCloseTo(10, within(0.1));
        assertThat(summary.p99Millis()).isCloseTo(5_000, within(5.0));
        assertThat(summary.maxMillis()).isCloseTo(6_000, within(6.0));
    }

    @Test
    void anEmptyHistogramSummarisesAsEmpty() {
        assertThat(new LatencyRecorder().summary().isEmpty()).isTrue();
    }

    @Test
    void clampsWhatTheHistogramCannotHold() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.recordNanos(-5);
        recorder.recordNanos(TimeUnit.HOURS.toNanos(3));

        LatencySummary summary = recorder.summary();

        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.maxMillis()).isCloseTo(3_600_000, within(3_600.0));
    }
}
