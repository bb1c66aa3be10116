package org.carepath.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenLoopScheduleTest {

    @Test
    void spacesMessagesEvenlyAtTheRate() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(50, Duration.ofSeconds(2));

        assertThat(schedule.intendedOffsetNanos(0)).isZero();
        assertThat(schedule.intendedOffsetNanos(1)).isEqualTo(20_000_000);
        assertThat(schedule.intendedOffsetNanos(99)).isEqualTo(1_980_000_000);
    }

    @Test
    void intendedTimesCountFromTheStepStartNotFromTheLastSend() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(4, Duration.ofSeconds(1));
        long start = 1_000_000_000_000L;

        assertThat(IntStream.range(0, schedule.count()).mapToLong(i -> schedule.intendedNanos(start, i)))
                .containsExactly(start, start + 250_000_000, start + 500_000_000, start + 750_000_000);
    }

    @ParameterizedTest(name = "{0}/s for {1} s is {2} messages")
    @CsvSource({"5, 15, 75", "200, 60, 12000", "2.5, 1, 3", "0.1, 30, 3", "1, 1, 1", "0.3, 1, 1"})
    void holdsEveryMessageIntendedStrictlyInsideTheWindow(double rate, long seconds, int expected) {
        OpenLoopSchedule schedule = new OpenLoopSchedule(rate, Duration.ofSeconds(seconds));

        assertThat(schedule.count()).isEqualTo(expected);
        assertThat(schedule.intendedOffsetNanos(expected - 1))
                .isLessThan(Duration.ofSeconds(seconds).toNanos());
        assertThat(schedule.intendedOffsetNanos(expected))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(seconds).toNanos());
    }

    @Test
    void fractionalRatesKeepTheirSpacing() {
        OpenLoopSchedule schedule = new OpenLoopSchedule(3, Duration.ofSeconds(1));

        assertThat(schedule.intendedOffsetNanos(1)).isEqualTo(333_333_333);
        assertThat(schedule.intendedOffsetNanos(2)).isEqualTo(666_666_667);
    }

    @Test
    void rejectsARateThatIsNotPositive() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new OpenLoopSchedule(Double.NaN, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnEmptyWindow() {
        assertThatThrownBy(() -> new OpenLoopSchedule(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
