package org.carepath.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records what a test's subject publishes on some topics, from the earliest offset, for assertions such as
 * "published exactly once". A background thread polls; {@link #records()} is a snapshot.
 */
public final class TopicRecorder implements AutoCloseable {

    private final List<RecordedEvent> records = new CopyOnWriteArrayList<>();
    // A rebalance (e.g. when a dead-letter topic is created) re-reads uncommitted offsets: count each record once.
    private final Set<String> positions = ConcurrentHashMap.newKeySet();
    private final Thread poller;
    private volatile boolean running = true;

    private TopicRecorder(String bootstrapServers, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        poller = new Thread(() -> poll(properties, topics), "topic-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    public static TopicRecorder record(String... topics) {
        return new TopicRecorder(TestInfrastructure.get().kafkaBootstrapServers(), List.of(topics));
    }

    private void poll(Properties properties, List<String> topics) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(topics);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (positions.add(record.topic() + "/" + record.partition() + "/" + record.offset())) {
                        records.add(RecordedEvent.of(record));
                    }
                }
            }
        }
    }

    public List<RecordedEvent> records() {
        return List.copyOf(records);
    }

    public List<RecordedEvent> records(Predicate<RecordedEvent> filter) {
        return records.stream().filter(filter).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }

    /** One record as seen on the wire: topic, key, JSON value and the last value of each header. */
    public record RecordedEvent(String topic, String key, String value, Map<String, String> headers) {

        static RecordedEvent of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(
                        header.key(),
                        header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new RecordedEvent(record.topic(), record.key(), record.value(), headers);
        }

        public String header(String name) {
            return headers.get(name);
        }

        public boolean isAbout(String episodeId) {
            return episodeId.equals(key);
        }
    }
}
