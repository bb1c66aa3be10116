package org.carepath.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.carepath.bench.measure.BenchJvmThreads.Part;
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
}
