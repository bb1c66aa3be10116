package org.carepath.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpenLoopGeneratorTest {

    @Test
    void handsEachSendItsIntendedTimeEvenWhenTheSenderIsSlow() {
        // given a sender that takes 300 ms per send on a fake clock, at 10/s (one every 100 ms)
        AtomicLong clock = new AtomicLong(0);
        List<Long> intended = new ArrayList<>();
        List<Long> actual = new ArrayList<>();
        OpenLoopGenerator generator = new OpenLoopGenerator(clock::get, () -> false);
        OpenLoopSchedule schedule = new OpenLoopSchedule(10, Duration.ofMillis(500));

        // when
        int sent = generator.run(schedule, 0, (index, intendedNanos) -> {
            intended.add(intendedNanos);
            actual.add(clock.get());
            clock.addAndGet(300_000_000);
        });

        // then the later sends go out late, but keep the time they were due at
        assertThat(sent).isEqualTo(5);
        assertThat(intended).containsExactly(0L, 100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L);
        assertThat(actual).containsExactly(0L, 300_000_000L, 600_000_000L, 900_000_000L, 1_200_000_000L);
    }

    @Test
    void waitsForTheIntendedTimeBeforeSending() {
        OpenLoopGenerator generator = new OpenLoopGenerator(System::nanoTime, () -> false);
        OpenLoopSchedule schedule = new OpenLoopSchedule(20, Duration.ofMillis(200));
        long start = System.nanoTime();
        List<Long> lateness = new ArrayList<>();

        generator.run(schedule, start, (index, intendedNanos) -> lateness.add(System.nanoTime() - intendedNanos));

        assertThat(lateness).hasSize(4).allSatisfy(late -> assertThat(late).isNotNegative());
    }

    @Test
    void stopsSendingWhenTheBenchStops() {
        AtomicLong clock = new AtomicLong(0);
        List<Integer> sent = new ArrayList<>();
        OpenLoopGenerator generator = new OpenLoopGenerator(clock::get, () -> sent.size() >= 2);

        int count = generator.run(new OpenLoopSchedule(1000, Duration.ofSeconds(1)), 0, (index, intended) -> {
            sent.add(index);
            clock.addAndGet(1_000_000);
        });

        assertThat(count).isEqualTo(2);
        assertThat(sent).containsExactly(0, 1);
    }
}
