package org.carepath.clinicview.projection;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carepath.clinicview.figures.ClinicDays;
import org.carepath.clinicview.figures.FigureCollections;
import org.carepath.clinicview.figures.FigureKeys;
import org.carepath.platform.messaging.DeadLetterErrorHandling;
import org.carepath.platform.messaging.InboundBatch;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Counts dead letters per topic and day, keyed by their place in the dead-letter topic, so a redelivered one
 * counts once. Only the headers are read: a dead letter's payload may be anything, and its reason text may quote
 * it, so the entry keeps the consumer group and the reason's type, never the message.
 */
@Component
class DeadLetterCounts {

    private final MongoTemplate mongo;
    private final Clock clock;

    DeadLetterCounts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void count(Message<List<byte[]>> batch) {
        List<Message<byte[]>> records = InboundBatch.records(batch);
        if (records.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FigureCollections.DAYS);
        for (Message<byte[]> record : records) {
            String deadLetterTopic = String.valueOf(record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
            Object timestamp = record.getHeaders().get(KafkaHeaders.RECEIVED_TIMESTAMP);
            Instant at =
                    timestamp instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : clock.instant();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("topic", originalTopic(record, deadLetterTopic));
            entry.put("group", header(record, DeadLetterErrorHandling.CONSUMER_GROUP));
            entry.put("reasonType", simpleName(header(record, DeadLetterErrorHandling.REASON_TYPE)));
            entry.put("at", at);
            String key = deadLetterTopic + "-" + record.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION) + "-"
                    + record.getHeaders().get(KafkaHeaders.OFFSET);
            bulk.upsert(
                    new Query(Criteria.where("_id").is(ClinicDays.dateOf(at).toString())),
                    new Update().set(FigureKeys.path("deadLetters", key), entry));
        }
        bulk.execute();
    }

    private static String originalTopic(Message<byte[]> record, String deadLetterTopic) {
        String original = header(record, DeadLetterErrorHandling.ORIGINAL_TOPIC);
        if (original != null) {
            return original;
        }
        return deadLetterTopic.endsWith(".dlq")
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - ".dlq".length())
                : deadLetterTopic;
    }

    private static String simpleName(String className) {
        return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
