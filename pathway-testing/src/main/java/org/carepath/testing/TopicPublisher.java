package org.carepath.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carepath.events.PathwayTopic;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events onto the shared test broker the way a producing service does: key = episodeId, JSON value,
 * CloudEvents binary-mode headers. Also publishes raw values, to prove a consumer dead-letters what it can't read.
 */
public final class TopicPublisher implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final KafkaProducer<String, String> producer;

    public TopicPublisher() {
        Properties properties = new Properties();
        properties.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties);
    }

    /** Publishes {@code payload} with a new event id; returns the id. */
    public <T> String publish(PathwayTopic<T> topic, String episodeId, T payload) {
        String eventId = UUID.randomUUID().toString();
        publish(topic, eventId, episodeId, payload);
        return eventId;
    }

    /** Publishes with a given event id: publishing twice with one id is a redelivery. */
    public <T> void publish(PathwayTopic<T> topic, String eventId, String episodeId, T payload) {
        publishRaw(topic, eventId, episodeId, JSON.writeValueAsString(payload));
    }

    public void publishRaw(PathwayTopic<?> topic, String eventId, String episodeId, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic.name(), episodeId, value);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/test");
        header(record, "ce_type", topic.ceType());
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", episodeId);
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing to " + topic.name() + " failed", e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
