package org.carepath.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The relay's figures on {@code /actuator/prometheus}: events waiting (queued or in flight), the age of the oldest
 * one queued, events sent, parked and recovered, batch sizes and the time a batch takes to be acknowledged.
 */
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter parked;
    private final Counter recovered;
    private final DistributionSummary batchSize;
    private final Timer publishTime;

    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sent = Counter.builder("carepath.outbox.sent")
                .description("Events the broker acknowledged")
                .register(registry);
        this.parked = Counter.builder("carepath.outbox.parked")
                .description("Events the broker can never take, parked in " + OutboxRelay.PARKED_COLLECTION)
                .register(registry);
        this.recovered = Counter.builder("carepath.outbox.recovered")
                .description("Events found left behind by the recovery sweep")
                .register(registry);
        this.batchSize = DistributionSummary.builder("carepath.outbox.batch.size")
                .description("Events per relay batch")
                .register(registry);
        this.publishTime = Timer.builder("carepath.outbox.publish")
                .description("From a batch's first send to its last acknowledgement")
                .register(registry);
    }

    /** Figures that go nowhere, for a relay outside a Spring context. */
    public static OutboxMetrics none() {
        return new OutboxMetrics(new SimpleMeterRegistry());
    }

    void watch(Deque<PendingEvent> queue, Set<String> held) {
        Gauge.builder("carepath.outbox.pending", held, Set::size)
                .description("Events handed to the relay and not yet acknowledged")
                .register(registry);
        Gauge.builder("carepath.outbox.oldest.age", queue, OutboxMetrics::oldestAgeSeconds)
                .description("How long the oldest queued event has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    void published(int sentCount, int batch, long nanos) {
        sent.increment(sentCount);
        batchSize.record(batch);
        publishTime.record(nanos, TimeUnit.NANOSECONDS);
    }

    void parked() {
        parked.increment();
    }

    void recovered(int count) {
        recovered.increment(count);
    }

    private static double oldestAgeSeconds(Deque<PendingEvent> queue) {
        PendingEvent oldest = queue.peekFirst();
        return oldest == null ? 0 : (System.nanoTime() - oldest.queuedAtNanos()) / 1e9;
    }
}
