package org.carepath.bench.baseline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.carepath.bench.kafka.KafkaSettings;
import org.carepath.bench.load.StepDriver;
import org.carepath.bench.measure.Hop;
import org.carepath.bench.measure.StepMeasurement;

/**
 * A step through the raw baseline: each message is a ~1 KB record with a fresh key, sent to the ingress topic
 * (acks=all, idempotent) and followed through the four relays.
 */
public final class BaselineDriver implements StepDriver, AutoCloseable {

    static final int MESSAGE_BYTES = 1_024;

    private final KafkaProducer<String, byte[]> producer;

    public BaselineDriver(String bootstrapServers) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "bench-baseline-generator"));
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public Map<String, Hop> hopByTopic() {
        return BaselineTopics.hopByTopic();
    }

    @Override
    public void send(int index, long intendedNanos, StepMeasurement measurement, long giveUpNanos) {
        String key = UUID.randomUUID().toString();
        measurement.keyed(index, key);
        try {
            producer.send(new ProducerRecord<>(BaselineTopics.INGRESS, key, message(key)), (metadata, failed) -> {
                if (failed == null) {
                    measurement.accepted(index, key, System.nanoTime());
                } else {
                    measurement.failed(index, failed.getClass().getSimpleName());
                }
            });
        } catch (RuntimeException failed) {
            measurement.failed(index, failed.getClass().getSimpleName());
        }
    }

    /** A message of {@link #MESSAGE_BYTES} bytes, about the size of a report event: its key, padded with spaces. */
    static byte[] message(String key) {
        byte[] message = new byte[MESSAGE_BYTES];
        Arrays.fill(message, (byte) ' ');
        byte[] head = ("{\"key\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, message, 0, Math.min(head.length, message.length));
        return message;
    }

    @Override
    public void close() {
        producer.close();
    }
}
