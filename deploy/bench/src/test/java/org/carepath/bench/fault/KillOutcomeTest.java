package org.carepath.bench.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.carepath.bench.fault.KillDuringStep.LagReading;
import org.carepath.bench.fault.KillDuringStep.Outcome;
import org.carepath.local.CarepathService;
import org.junit.jupiter.api.Test;

class KillOutcomeTest {

    private static LagReading reading(long millis, long lag) {
        return new LagReading(Duration.ofMillis(millis), lag);
    }

    private static Outcome outcomeWith(List<LagReading> readings) {
        return steadyAfter(Duration.ofMillis(17_300), readings);
    }

    private static Outcome steadyAfter(Duration steadyAfter, List<LagReading> readings) {
        return new Outcome(90, 180, 180, Duration.ofMillis(14_700), steadyAfter, Duration.ofSeconds(40), readings);
    }

    @Test
    void theFirstReadingWithinTheSteadyLevelIsWhenTheBacklogWasGone() {
        Outcome outcome = outcomeWith(List.of(reading(14_700, 1500), reading(25_300, 150), reading(25_800, 240)));

        assertThat(outcome.firstWithinSteady()).contains(Duration.ofMillis(25_300));
        assertThat(outcomeWith(List.of(reading(14_700, 1500))).firstWithinSteady())
                .isEmpty();
    }

    @Test
    void thePeakIsTheHighestReadingOrTheLagBeforeTheKill() {
        assertThat(outcomeWith(List.of(reading(14_700, 1500), reading(16_700, 2200), reading(17_300, 60)))
                        .peakLag())
                .isEqualTo(2200);
        assertThat(outcomeWith(List.of(reading(14_700, 40))).peakLag()).isEqualTo(90);
    }

    @Test
    void steadyOnlyAfterTheLoadEndedIsSaidSo() {
        Outcome underLoad = steadyAfter(Duration.ofMillis(31_000), List.of(reading(31_000, 120)));
        Outcome loadGone = steadyAfter(Duration.ofMillis(40_700), List.of(reading(40_700, 0)));
        Outcome never = steadyAfter(null, List.of(reading(40_700, 900)));

        assertThat(underLoad.steadyOnlyWithoutLoad()).isFalse();
        assertThat(loadGone.steadyOnlyWithoutLoad()).isTrue();
        assertThat(never.steadyOnlyWithoutLoad()).isFalse();
        assertThat(loadGone.describe(CarepathService.SCHEDULING, Duration.ofSeconds(20), 100))
                .contains("at most 180 in the readings before it")
                .contains("back to steady (≤ 180 records, three readings in a row) 40.7 s after")
                .contains("only once the step's load had ended**, 40 s after the kill");
        assertThat(underLoad.describe(CarepathService.SCHEDULING, Duration.ofSeconds(20), 100))
                .doesNotContain("load had ended")
                .contains("its first reading within that 31.0 s after");
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
