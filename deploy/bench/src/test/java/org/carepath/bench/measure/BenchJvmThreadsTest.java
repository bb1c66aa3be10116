package org.carepath.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.carepath.bench.measure.BenchJvmThreads.Part;
import org.carepath.bench.measure.BenchJvmThreads.ThreadCpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchJvmThreadsTest {

    @ParameterizedTest
    @CsvSource({
        "mongo-server-worker3, STORE",
        "carepath-store-compactor, STORE",
        "data-plane-kafka-request-handler-4, BROKER",
        "kafka-1-raft-io-thread, BROKER",
        "group-coordinator-event-processor-2, BROKER",
        "bench-follow-bench-lag, BENCH",
        "HttpClient-3-Worker-24, BENCH",
        "process reaper (pid 42), BENCH",
        "main, BENCH",
    })
    void aThreadIsToldByItsName(String threadName, Part part) {
        assertThat(Part.of(threadName)).isEqualTo(part);
    }

    @Test
    void aThreadThatEndsBetweenTwoReadingsTakesNoTimeBackFromItsPart() {
        Map<Long, ThreadCpu> before = Map.of(
                1L, new ThreadCpu(Part.BENCH, 500_000_000L),
                2L, new ThreadCpu(Part.BENCH, 100_000_000L),
                3L, new ThreadCpu(Part.STORE, 40_000_000L));
        // thread 1 ended in between; thread 4 started
        Map<Long, ThreadCpu> after = Map.of(
                2L, new ThreadCpu(Part.BENCH, 160_000_000L),
                3L, new ThreadCpu(Part.STORE, 70_000_000L),
                4L, new ThreadCpu(Part.BROKER, 20_000_000L));

        Map<Part, Duration> used = BenchJvmThreads.between(before, after);

        // before, the ended thread's whole time left its part, which showed as a negative share
        assertThat(used.get(Part.BENCH)).isEqualTo(Duration.ofMillis(60));
        assertThat(used.get(Part.STORE)).isEqualTo(Duration.ofMillis(30));
        assertThat(used.get(Part.BROKER)).isEqualTo(Duration.ofMillis(20));
        assertThat(used.values())
                .allSatisfy(share -> assertThat(share.isNegative()).isFalse());
    }
}
