package org.carepath.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.carepath.bench.load.OpenLoopSchedule;
import org.junit.jupiter.api.Test;

class StepMeasurementTest {

    private static final long MS = 1_000_000;
    private static final long START = 5_000 * MS;

    @Test
    void measuresEachHopFromTheIntendedSendTime() {
        // given 10/s for 1 s, each episode through its hops 5, 20, 40 and 60 ms after it was due
        OpenLoopSchedule schedule = new OpenLoopSchedule(10, Duration.ofSeconds(1));
        StepMeasurement measurement = new StepMeasurement(schedule, START);
        EpisodeTimeline timeline = new EpisodeTimeline();
        for (int i = 0; i < schedule.count(); i++) {
            long due = measurement.intendedNanos(i);
            measurement.accepted(i, "episode-" + i, due + 3 * MS);
            timeline.seen("episode-" + i, Hop.INTAKE, due + 5 * MS);
            timeline.seen("episode-" + i, Hop.TRIAGE, due + 20 * MS);
            timeline.seen("episode-" + i, Hop.SCHEDULING, due + 40 * MS);
            timeline.seen("episode-" + i, Hop.BILLING, due + 60 * MS);
        }

        // when
        StepResult result = measurement.result(timeline, START + 2_000 * MS);

        // then
        assertThat(result.sent().p99Millis()).isCloseTo(3, within(0.01));
        assertThat(result.hop(Hop.INTAKE).p50Millis()).isCloseTo(5, within(0.01));
        assertThat(result.hop(Hop.TRIAGE).p50Millis()).isCloseTo(20, within(0.05));
        assertThat(result.hop(Hop.SCHEDULING).p50Millis()).isCloseTo(40, within(0.05));
        assertThat(result.endToEnd().maxMillis()).isCloseTo(60, within(0.05));
        assertThat(result.missing()).isZero();
        assertThat(result.failed()).isZero();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aLateSendStillCountsFromWhenItWasDue() {
        // the generator fell 800 ms behind: the episode's latency includes that wait
        StepMeasurement measurement = new StepMeasurement(new OpenLoopSchedule(1, Duration.ofSeconds(1)), START);
        EpisodeTimeline timeline = new EpisodeTimeline();
        measurement.accepted(0, "late", START + 810 * MS);
        timeline.seen("late", Hop.BILLING, START + 900 * MS);

        StepResult result = measurement.result(timeline, START + 2_000 * MS);

        assertThat(result.endToEnd().p50Millis()).isCloseTo(900, within(1.0));
    }

    @Test
    void countsAMissingEpisodeAtTheMomentTheBenchStoppedWaiting() {
        StepMeasurement measurement = new StepMeasurement(new OpenLoopSchedule(2, Duration.ofSeconds(1)), START);
        EpisodeTimeline timeline = new EpisodeTimeline();
        measurement.accepted(0, "through", START + 2 * MS);
        measurement.accepted(1, "stuck", START + 502 * MS);
        timeline.seen("through", Hop.BILLING, START + 50 * MS);
        timeline.seen("stuck", Hop.TRIAGE, START + 600 * MS);

        StepResult result = measurement.result(timeline, START + 31_500 * MS);

        assertThat(result.missing()).isEqualTo(1);
        assertThat(result.endToEnd().count()).isEqualTo(2);
        assertThat(result.endToEnd().maxMillis()).isCloseTo(31_000, within(31.0));
        assertThat(result.hop(Hop.TRIAGE).count()).isEqualTo(1);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void countsFailedAndUnansweredSendsAsFailedAndMissing() {
        StepMeasurement measurement = new StepMeasurement(new OpenLoopSchedule(3, Duration.ofSeconds(1)), START);
        EpisodeTimeline timeline = new EpisodeTimeline();
        measurement.accepted(0, "ok", START + MS);
        timeline.seen("ok", Hop.BILLING, START + 10 * MS);
        measurement.failed(1, "HTTP 400 (Bad Request, field painScore)");
        // message 2 never answered

        StepResult result = measurement.result(timeline, START + 31_000 * MS);

        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.missing()).isEqualTo(2);
        assertThat(measurement.firstFailure()).isEqualTo("HTTP 400 (Bad Request, field painScore)");
    }

    @Test
    void achievedRateCountsCompletionsInTheWindowAfterItsFirstTenth() {
        // given 10/s for 10 s, every episode through 50 ms after it was due: 100 episodes, the last at 9.95 s
        OpenLoopSchedule schedule = new OpenLoopSchedule(10, Duration.ofSeconds(10));
        StepMeasurement measurement = new StepMeasurement(schedule, START);
        EpisodeTimeline timeline = new EpisodeTimeline();
        for (int i = 0; i < schedule.count(); i++) {
            measurement.accepted(i, "e" + i, measurement.intendedNanos(i) + MS);
            timeline.seen("e" + i, Hop.BILLING, measurement.intendedNanos(i) + 50 * MS);
        }

        StepResult result = measurement.result(timeline, START + 10_100 * MS);

        // completions at 1.05 .. 9.95 s fall in [1 s, 10 s]: 90 over 9 s
        assertThat(result.achievedRate()).isCloseTo(10, within(0.01));
    }

    @Test
    void achievedRateShowsASystemThatFallsBehind() {
        // given 10/s for 10 s, but the pipeline only completes 5 per second
        OpenLoopSchedule schedule = new OpenLoopSchedule(10, Duration.ofSeconds(10));
        StepMeasurement measurement = new StepMeasurement(schedule, START);
        EpisodeTimeline timeline = new EpisodeTimeline();
        for (int i = 0; i < schedule.count(); i++) {
            measurement.accepted(i, "e" + i, measurement.intendedNanos(i) + MS);
            timeline.seen("e" + i, Hop.BILLING, START + (i + 1) * 200 * MS);
        }

        StepResult result = measurement.result(timeline, START + 40_000 * MS);

        assertThat(result.achievedRate()).isCloseTo(5, within(0.2));
        assertThat(result.passed()).isFalse();
    }

    @Test
    void isCompleteOnceEveryAcceptedEpisodeIsThroughAndEverySendAnswered() {
        StepMeasurement measurement = new StepMeasurement(new OpenLoopSchedule(2, Duration.ofSeconds(1)), START);
        EpisodeTimeline timeline = new EpisodeTimeline();
        measurement.accepted(0, "a", START);
        assertThat(measurement.isComplete(timeline, 2)).isFalse();

        measurement.failed(1, "HTTP 503");
        assertThat(measurement.isComplete(timeline, 2)).isFalse();

        timeline.seen("a", Hop.BILLING, START + MS);
        assertThat(measurement.isComplete(timeline, 2)).isTrue();
    }

    @Test
    void countsOnlyItsOwnEpisodesAsCompleted() {
        StepMeasurement measurement = new StepMeasurement(new OpenLoopSchedule(2, Duration.ofSeconds(1)), START);
        EpisodeTimeline timeline = new EpisodeTimeline();
        measurement.accepted(0, "mine", START);
        timeline.seen("mine", Hop.BILLING, START + MS);
        timeline.seen("from-the-step-before", Hop.BILLING, START + MS);

        assertThat(measurement.completed(timeline)).isEqualTo(1);
    }
}
