package org.carepath.platform.messaging;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.carepath.platform.PollingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in the embedded outboxes of the configured collections, then removes them from
 * their documents. At least once: a crash between the broker's acknowledgement and the removal re-sends with
 * the same {@code ce_id}, which consumers de-duplicate. One relay thread per instance; {@link #wake()} after a
 * save makes it run at once instead of at the next poll. Aggregates with an outbox carry a {@code version} field
 * ({@code @Version}), which the relay increments when it removes what it sent. Several instances share the work:
 * a relay first takes a short lease on a document, so two instances do not both publish its events.
 */
public class OutboxRelay extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String OUTBOX = "outbox";
    private static final String VERSION = "version";
    private static final String LEASE = "outboxLeaseUntil";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final CircuitBreaker circuitBreaker;
    private final Clock clock;
    private final List<String> collections;
    private final Duration lease;
    private final int batchSize;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, String> kafka,
            CircuitBreaker circuitBreaker,
            Clock clock,
            List<String> collections,
            Duration pollInterval,
            int batchSize) {
        super("outbox-relay", pollInterval);
        this.mongo = mongo;
        this.kafka = kafka;
        this.circuitBreaker = circuitBreaker;
        this.clock = clock;
        this.collections = List.copyOf(collections);
        this.lease = pollInterval.multipliedBy(40).plusSeconds(5);
        this.batchSize = batchSize;
    }

    @Override
    protected boolean workOnce() {
        return relayPending() > 0;
    }

    @Override
    protected void stopped() {
        if (kafka.getProducerFactory() instanceof DisposableBean producers) {
            try {
                producers.destroy();
            } catch (Exception e) {
                log.warn("Closing the relay's producer failed: {}", e.toString());
            }
        }
    }

    /** Relays one batch from every collection; returns how many events were published. */
    public int relayPending() {
        int relayed = 0;
        for (String collection : collections) {
            relayed += circuitBreaker.executeSupplier(() -> relayBatch(collection));
        }
        return relayed;
    }

    private int relayBatch(String collection) {
        Instant now = clock.instant();
        Query pending =
                new Query(Criteria.where(OUTBOX + ".0").exists(true).andOperator(notLeased(now))).limit(batchSize);
        pending.fields().include("_id").include(OUTBOX);
        List<Document> documents = mongo.find(pending, Document.class, collection).stream()
                .filter(document -> leased(collection, document.get("_id"), now))
                .toList();
        if (documents.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        BulkOperations sent = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int count = 0;
        for (Document document : documents) {
            List<String> eventIds = new ArrayList<>();
            for (Document message : document.getList(OUTBOX, Document.class)) {
                sends.add(kafka.send(toRecord(message)));
                eventIds.add(message.getString("eventId"));
            }
            Query sameDocument = new Query(Criteria.where("_id").is(document.get("_id")));
            // Bumping the aggregate's @Version makes a handler that read the document before this removal fail its
            // save and re-read, instead of writing the sent events back.
            sent.updateOne(
                    sameDocument,
                    new Update()
                            .pull(OUTBOX, new Document("eventId", new Document("$in", eventIds)))
                            .inc(VERSION, 1)
                            .unset(LEASE));
            count += eventIds.size();
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        sent.execute();
        log.debug("Relayed {} events from {}", count, collection);
        return count;
    }

    private static Criteria notLeased(Instant now) {
        return new Criteria()
                .orOperator(
                        Criteria.where(LEASE).exists(false),
                        Criteria.where(LEASE).lt(now));
    }

    /** Takes the document for this instance until the lease ends; false when another instance holds it. */
    private boolean leased(String collection, Object id, Instant now) {
        Query free = new Query(Criteria.where("_id").is(id).andOperator(notLeased(now)));
        return mongo.updateFirst(free, new Update().set(LEASE, now.plus(lease)), collection)
                        .getModifiedCount()
                == 1;
    }

    private static ProducerRecord<String, String> toRecord(Document message) {
        String subject = message.getString("subject");
        ProducerRecord<String, String> record =
                new ProducerRecord<>(message.getString("topic"), subject, message.getString("payload"));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, message.getString("eventId"));
        header(record, CloudEventHeaders.SOURCE, message.getString("source"));
        header(record, CloudEventHeaders.TYPE, message.getString("type"));
        header(
                record,
                CloudEventHeaders.TIME,
                message.getDate("time").toInstant().toString());
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
