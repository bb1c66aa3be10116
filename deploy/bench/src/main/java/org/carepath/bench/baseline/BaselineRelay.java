package org.carepath.bench.baseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One stage of the baseline: consumes a topic, produces each record unchanged to the next (acks=all, idempotent),
 * waits until the broker acknowledged the whole batch, then commits: what a service does, minus its work and its
 * store.
 */
final class BaselineRelay implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);

    private final String from;
    private final String to;
    private final Map<String, Object> consumerSettings;
    private final Map<String, Object> producerSettings;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    BaselineRelay(String from, String to, Map<String, Object> consumerSettings, Map<String, Object> producerSettings) {
        this.from = from;
        this.to = to;
        this.consumerSettings = consumerSettings;
        this.producerSettings = producerSettings;
        this.thread = new Thread(this::relay, "bench-relay-" + from);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @return whether the relay's consumer got its partitions within the timeout */
    boolean awaitAssigned(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    RuntimeException failure() {
        return failure;
    }

    String describe() {
        return from + " → " + to;
    }

    private void relay() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings)) {
            consumer.subscribe(List.of(from), new CountAssignment());
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            while (!closing) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    acks.add(producer.send(
                            new ProducerRecord<>(to, null, record.key(), record.value(), record.headers())));
                }
                awaitAcks(acks);
                acks.clear();
                consumer.commitSync();
            }
        } catch (RuntimeException e) {
            if (!closing) {
                failure = e;
            }
        } finally {
            assigned.countDown();
        }
    }

    private static void awaitAcks(List<Future<RecordMetadata>> acks) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException failed) {
            throw new IllegalStateException("a relay send failed: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker's acks", interrupted);
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private final class CountAssignment implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                assigned.countDown();
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing held: every polled batch is acked and committed before the next poll
        }
    }
}
