package org.carepath.platform.deadletter;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.carepath.platform.messaging.CloudEventHeaders;
import org.carepath.platform.messaging.DeadLetterErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaOperations;

/**
 * The dead letters this service's consumer group left on the dead-letter topics of what it consumes (CONTRACT.md
 * "Dead letters"): read from the topics themselves, those of other groups left out, those already replayed left
 * out ({@value #REPLAYED} remembers them by topic, partition and offset). A replay sends a dead letter back to the
 * topic it came from with its key, value and CloudEvents headers, so it goes through the consumers again; they
 * are idempotent, so one that meanwhile succeeded elsewhere changes nothing.
 */
public class DeadLetters {

    static final String REPLAYED = "dead_letter_replays";
    /** Dead letters read per topic at most, however many there are. */
    static final int MOST_PER_TOPIC = 10_000;

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final String group;
    private final Supplier<Collection<String>> deadLetterTopics;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final KafkaOperations<byte[], byte[]> producer;
    private final MongoTemplate mongo;
    private final Clock clock;

    public DeadLetters(
            String group,
            Supplier<Collection<String>> deadLetterTopics,
            Supplier<Consumer<byte[], byte[]>> consumers,
            KafkaOperations<byte[], byte[]> producer,
            MongoTemplate mongo,
            Clock clock) {
        this.group = group;
        this.deadLetterTopics = deadLetterTopics;
        this.consumers = consumers;
        this.producer = producer;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Per dead-letter topic: how many wait, the oldest, and the reasons with their counts. */
    public List<TopicDeadLetters> overview() {
        List<TopicDeadLetters> topics = new ArrayList<>();
        for (String topic : deadLetterTopics.get()) {
            List<DeadLetter> waiting = waiting(topic);
            Map<String, Long> reasons = waiting.stream()
                    .collect(Collectors.groupingBy(DeadLetter::reason, LinkedHashMap::new, Collectors.counting()));
            Instant oldest = waiting.stream()
                    .map(DeadLetter::deadLetteredAt)
                    .min(Instant::compareTo)
                    .orElse(null);
            topics.add(new TopicDeadLetters(
                    topic,
                    waiting.size(),
                    oldest,
                    reasons,
                    waiting.stream().map(DeadLetter::eventId).toList()));
        }
        return topics;
    }

    /**
     * Sends back the dead letters of {@code topic} with these event ids ({@code ce_id}), or all of them when
     * {@code eventIds} is empty; returns the ids replayed.
     */
    public List<String> replay(String topic, Set<String> eventIds) {
        if (!deadLetterTopics.get().contains(topic)) {
            throw new UnknownDeadLetterTopicException(topic, deadLetterTopics.get());
        }
        List<String> replayed = new ArrayList<>();
        for (DeadLetter letter : waiting(topic)) {
            if (!eventIds.isEmpty() && !eventIds.contains(letter.eventId())) {
                continue;
            }
            try {
                producer.send(letter.backToOrigin()).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("replaying " + letter.eventId() + " failed: " + e, e);
            }
            mongo.save(
                    new Document("_id", letter.position())
                            .append("eventId", letter.eventId())
                            .append("replayedAt", java.util.Date.from(clock.instant())),
                    REPLAYED);
            replayed.add(letter.eventId());
            log.info("Dead letter {} of {} replayed to {}", letter.eventId(), topic, letter.originalTopic());
        }
        return replayed;
    }

    /** This group's dead letters on one topic that were not replayed yet, oldest first. */
    private List<DeadLetter> waiting(String topic) {
        List<DeadLetter> ours = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int read = 0;
            while (read < MOST_PER_TOPIC && !allReached(end, consumer, partitions)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    read++;
                    DeadLetter letter = DeadLetter.of(record);
                    if (group.equals(letter.group())) {
                        ours.add(letter);
                    }
                }
            }
        }
        return notReplayed(ours);
    }

    private static boolean allReached(
            Map<TopicPartition, Long> end, Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    private List<DeadLetter> notReplayed(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return letters;
        }
        List<String> positions = letters.stream().map(DeadLetter::position).toList();
        Set<String> replayed = mongo.find(query(where("_id").in(positions)), Document.class, REPLAYED).stream()
                .map(document -> document.getString("_id"))
                .collect(Collectors.toSet());
        return letters.stream()
                .filter(letter -> !replayed.contains(letter.position()))
                .toList();
    }

    /** One dead-letter topic as the overview shows it: ids and reasons, never a payload. */
    public record TopicDeadLetters(
            String topic, int count, Instant oldest, Map<String, Long> reasons, List<String> eventIds) {}

    record DeadLetter(
            String topic,
            int partition,
            long offset,
            Instant deadLetteredAt,
            String eventId,
            String group,
            String reason,
            String originalTopic,
            ConsumerRecord<byte[], byte[]> record) {

        static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
            return new DeadLetter(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    Instant.ofEpochMilli(record.timestamp()),
                    header(record, CloudEventHeaders.ID),
                    header(record, DeadLetterErrorHandling.CONSUMER_GROUP),
                    String.valueOf(header(record, DeadLetterErrorHandling.REASON)),
                    originalTopic(record),
                    record);
        }

        String position() {
            return topic + "/" + partition + "/" + offset;
        }

        /** The record as it was before it failed: its key, value and headers, without what dead-lettering added. */
        ProducerRecord<byte[], byte[]> backToOrigin() {
            ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(originalTopic, record.key(), record.value());
            for (Header header : record.headers()) {
                if (!header.key().startsWith("x-") && !header.key().startsWith("kafka_dlt")) {
                    again.headers().add(header.key(), header.value());
                }
            }
            return again;
        }

        private static String originalTopic(ConsumerRecord<byte[], byte[]> record) {
            String original = header(record, DeadLetterErrorHandling.ORIGINAL_TOPIC);
            if (original != null) {
                return original;
            }
            String topic = record.topic();
            return topic.endsWith(".dlq") ? topic.substring(0, topic.length() - ".dlq".length()) : topic;
        }

        private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
