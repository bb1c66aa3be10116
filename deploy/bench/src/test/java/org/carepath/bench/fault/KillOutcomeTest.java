package org.carepath.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.carepath.bench.fault.KillDuringStep.LagReading;
import org.carepath.bench.fault.KillDuringStep.Outcome;
import org.junit.jupiter.api.Test;

class KillOutcomeTest {

    private static LagReading reading(long millis, long lag) {
        return new LagReading(Duration.ofMillis(millis), lag);
    }

    private static Outcome outcomeWith(List<LagReading> readings) {
        return new Outcome(90, 2200, 100, Duration.ofMillis(14_700), Duration.ofMillis(17_300), readings);
    }

    @Test
    void theTimelineShowsTheFirstReadingThoseTwoSecondsApartAndTheLast() {
        Outcome outcome = outcomeWith(List.of(
                reading(14_700, 1500),
                reading(15_300, 1700),
                reading(15_900, 1900),
                reading(16_700, 2200),
                reading(17_000, 80),
                reading(17_300, 60)));

        assertThat(outcome.timeline(Duration.ofSeconds(2))).isEqualTo("14.7 s: 1500 · 16.7 s: 2200 · 17.3 s: 60");
    }

    @Test
    void aSingleReadingIsShownOnce() {
        assertThat(outcomeWith(List.of(reading(14_700, 50))).timeline(Duration.ofSeconds(2)))
                .isEqualTo("14.7 s: 50");
    }

    @Test
    void noReadingsMakeAnEmptyTimeline() {
        assertThat(outcomeWith(List.of()).timeline(Duration.ofSeconds(2))).isEmpty();
    }
}
