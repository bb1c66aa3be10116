package org.carepath.platform.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.carepath.events.PathwayTopic;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * Makes the batch consumers of a service: each batch of records from one topic is read into events and applied
 * by its {@link BatchHandler}. A record that cannot be read or applied fails alone
 * ({@link BatchListenerFailedException} with its index): the records before it are committed, it goes to the
 * dead letters, the rest come again. A store or broker that is away fails the batch as a whole, and the listener
 * container retries it with back-off until they are back ({@link DeadLetterErrorHandling}).
 */
public class BatchConsumers {

    private final InboundEvents inbound;
    private final MeterRegistry meters;

    public BatchConsumers(InboundEvents inbound, MeterRegistry meters) {
        this.inbound = inbound;
        this.meters = meters;
    }

    public <T> Consumer<Message<List<byte[]>>> consumer(PathwayTopic<T> topic, BatchHandler<T> handler) {
        return consumer(topic.name(), record -> inbound.read(record, topic), handler);
    }

    /**
     * A consumer of records that {@code reader} reads, for a binding over several topics (clinic-view's one
     * projection reads every topic, so an episode's events are applied one at a time); {@code source} tags its
     * metrics.
     */
    public <T> Consumer<Message<List<byte[]>>> consumer(
            String source, Function<Message<byte[]>, InboundEvent<T>> reader, BatchHandler<T> handler) {
        Timer hop = Timer.builder("carepath.consumer.batch")
                .description("Time to apply one batch of consumed records")
                .tag("topic", source)
                .register(meters);
        DistributionSummary sizes = DistributionSummary.builder("carepath.consumer.batch.size")
                .description("Records per consumed batch")
                .tag("topic", source)
                .register(meters);
        return batch -> {
            List<Message<byte[]>> records = InboundBatch.records(batch);
            sizes.record(records.size());
            hop.record(() -> apply(reader, handler, records));
        };
    }

    private <T> void apply(
            Function<Message<byte[]>, InboundEvent<T>> reader, BatchHandler<T> handler, List<Message<byte[]>> records) {
        List<InboundEvent<T>> events = new ArrayList<>(records.size());
        RuntimeException unreadable = null;
        for (Message<byte[]> record : records) {
            try {
                events.add(reader.apply(record));
            } catch (RuntimeException e) {
                unreadable = e;
                break;
            }
        }
        try {
            if (!events.isEmpty()) {
                handler.apply(events);
            }
        } catch (FailedEventException failed) {
            throw new BatchListenerFailedException(failed.getMessage(), failed.getCause(), failed.index());
        } catch (RuntimeException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            // not the store, not one record named: let the first record take the blame so the partition moves on
            throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, 0);
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, events.size());
        }
    }
}
